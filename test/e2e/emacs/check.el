;;; check.el --- jfp-assist language server through Emacs eglot (third-party LSP client)  -*- lexical-binding: t -*-

;; Run through test/e2e/emacs/run.sh: emacs --batch -l check.el  (not -Q: Debian's site-start is
;; what activates /usr/share/emacs/site-lisp/elpa, where elpa-eglot 1.9 lives).
;;
;; run.sh sets:
;;   JFP_E2E_ROOT     workspace folder (a temp dir holding only the draft)
;;   JFP_E2E_DRAFT    copy of test/fixtures/workspace/draft-forward-plan.md (a plan with gaps), in JFP_E2E_ROOT
;;   JFP_E2E_EXAMPLE  copy of examples/wessex-vale-joint-forward-plan.md (a complete plan), OUTSIDE the root:
;;                    the server treats all plan files of one workspace folder as one multi-file plan
;;   JFP_LSP_CMD      server command (run.sh defaults it to: node <repo>/dist/server.cjs --stdio)
;;   JFP_E2E_TIMEOUT  per-wait timeout in ms (default 10000)
;;   JFP_E2E_PIDFILE  where to write the server's pid (run.sh ends it if it outlives Emacs)
;;
;; Prints one line per check (stdout) and a last line "N passed, M failed"; exits 0 only if all passed.
;; Every wait is on a condition (accept-process-output polling), never a fixed sleep. Nothing is saved.

(require 'cl-lib)
(require 'subr-x)

(defvar jfp-passed 0)
(defvar jfp-failed 0)
(defvar jfp-started (float-time))

(defun jfp-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defmacro jfp-check (name &rest body)
  "Run BODY as one check called NAME; any error fails it."
  (declare (indent 1))
  (let ((t0 (make-symbol "t0")))
    `(let ((,t0 (float-time)))
       (condition-case err
           (progn ,@body
                  (cl-incf jfp-passed)
                  (jfp-out "ok   %s (%d ms)" ,name (round (* 1000 (- (float-time) ,t0))))
                  t)
         (error (cl-incf jfp-failed)
                (jfp-out "FAIL %s: %s" ,name (error-message-string err))
                nil)))))

(defun jfp-expect (cond fmt &rest args)
  (unless cond (error "%s" (apply #'format fmt args))))

(defun jfp-short (s &optional n)
  (let ((s (replace-regexp-in-string "[ \t\n]+" " " (format "%s" s)))
        (n (or n 160)))
    (if (> (length s) n) (concat (substring s 0 n) "…") s)))

(defun jfp-finish ()
  (jfp-out "(%d ms)" (round (* 1000 (- (float-time) jfp-started))))
  (jfp-out "%d passed, %d failed" jfp-passed jfp-failed)
  (kill-emacs (if (and (= jfp-failed 0) (> jfp-passed 0)) 0 1)))

(defun jfp-env (name)
  (let ((v (getenv name)))
    (unless (and v (not (string-empty-p v)))
      (jfp-out "FAIL %s is not set (use test/e2e/emacs/run.sh)" name)
      (cl-incf jfp-failed)
      (jfp-finish))
    v))

(unless (require 'eglot nil t)
  (jfp-out "FAIL eglot is not installed (apt-get install -y elpa-eglot, and do not run emacs with -Q)")
  (cl-incf jfp-failed)
  (jfp-finish))

(defconst jfp-timeout (/ (float (string-to-number (or (getenv "JFP_E2E_TIMEOUT") "10000"))) 1000))
(defconst jfp-root (file-name-as-directory (expand-file-name (jfp-env "JFP_E2E_ROOT"))))
(defconst jfp-draft-file (expand-file-name (jfp-env "JFP_E2E_DRAFT")))
(defconst jfp-example-file (expand-file-name (jfp-env "JFP_E2E_EXAMPLE")))
(defconst jfp-cmd (split-string (jfp-env "JFP_LSP_CMD") "[ \t]+" t))

;; Never write anything next to the fixtures, and never ask questions.
(setq make-backup-files nil
      auto-save-default nil
      create-lockfiles nil
      eglot-autoshutdown nil
      eglot-sync-connect t
      eglot-connect-timeout (max 1 (ceiling jfp-timeout))
      jsonrpc-default-request-timeout (max 1 (ceiling jfp-timeout)))

;; Emacs 28 has no markdown-mode: a text-mode derivative stands in.
(define-derived-mode plan-md-mode text-mode "PlanMD")

;; Both buffers belong to one transient project rooted at the temp dir, so one server manages them.
;; (The example lies outside that folder, so the server treats it as a plan of its own.)
(setq project-find-functions (list (lambda (_dir) (cons 'transient jfp-root))))

;; Every publishDiagnostics, raw (as the server sent it), newest first.
(defvar jfp-published nil)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics version &allow-other-keys)
  (push (list :buffer (find-buffer-visiting (eglot--uri-to-path uri))
              :uri uri :version version :diagnostics diagnostics)
        jfp-published))

(defun jfp-wait (pred)
  "Poll PRED while handling process output; non-nil if it came true within the timeout."
  (let ((deadline (+ (float-time) jfp-timeout)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    v))

(defun jfp-wait-publish (buffer what)
  "Diagnostics (a list of plists) published for BUFFER at the version eglot last sent."
  (with-current-buffer buffer
    ;; Send pending changes now rather than on eglot's idle timer (idle timers do not run in batch).
    (when eglot--managed-mode (eglot--signal-textDocument/didChange))
    (let* ((version eglot--versioned-identifier)
           (p (jfp-wait (lambda ()
                          (cl-find-if (lambda (p) (and (eq (plist-get p :buffer) buffer)
                                                       (equal (plist-get p :version) version)))
                                      jfp-published)))))
      (jfp-expect p "no publishDiagnostics for %s (version %s) within %s s; versions published: %S" what version jfp-timeout
                  (cl-loop for p in jfp-published when (eq (plist-get p :buffer) buffer) collect (plist-get p :version)))
      (append (plist-get p :diagnostics) nil))))

(defun jfp-item (d) (plist-get (plist-get d :data) :itemId))

(defun jfp-by-code (diags code &optional item)
  (cl-remove-if-not (lambda (d) (and (equal (plist-get d :code) code)
                                     (or (null item) (equal (jfp-item d) item))))
                    diags))

(defvar jfp-server nil)

(defun jfp-uri (buffer)
  (with-current-buffer buffer (eglot--path-to-uri buffer-file-name)))

(defun jfp-request (method params)
  (jsonrpc-request jfp-server method params :timeout jfp-timeout))

(defun jfp-line-of (buffer prefix)
  "0-based line of the first line of BUFFER starting with PREFIX."
  (with-current-buffer buffer
    (save-excursion
      (goto-char (point-min))
      (jfp-expect (re-search-forward (concat "^" (regexp-quote prefix)) nil t) "\"%s\" not found" prefix)
      (1- (line-number-at-pos)))))

(defun jfp-line-text (buffer line)
  (with-current-buffer buffer
    (save-excursion
      (goto-char (point-min))
      (forward-line line)
      (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

(defun jfp-hover (buffer line character)
  (with-current-buffer buffer (eglot--signal-textDocument/didChange))
  (let* ((h (jfp-request :textDocument/hover
                         (list :textDocument (list :uri (jfp-uri buffer))
                               :position (list :line line :character character))))
         (c (plist-get h :contents)))
    (jfp-expect c "no hover")
    (if (stringp c) (cons "string" c) (cons (plist-get c :kind) (plist-get c :value)))))

(defun jfp-complete-on-new-line (buffer line typed)
  "Insert TYPED as a new line LINE, ask for completion at its end, then remove the line again."
  (with-current-buffer buffer
    (save-excursion
      (goto-char (point-min))
      (forward-line line)
      (insert typed "\n"))
    (eglot--signal-textDocument/didChange)
    (unwind-protect
        (let* ((res (jfp-request :textDocument/completion
                                 (list :textDocument (list :uri (jfp-uri buffer))
                                       :position (list :line line :character (length typed)))))
               (items (append (if (vectorp res) res (plist-get res :items)) nil)))
          (mapcar (lambda (i) (plist-get i :label)) items))
      (save-excursion
        (goto-char (point-min))
        (forward-line line)
        (delete-region (point) (progn (forward-line 1) (point))))
      (eglot--signal-textDocument/didChange))))

(defun jfp-code-actions (buffer diag)
  (append (jfp-request :textDocument/codeAction
                       (list :textDocument (list :uri (jfp-uri buffer))
                             :range (plist-get diag :range)
                             :context (list :diagnostics (vector diag))))
          nil))

(defun jfp-edits-for (action buffer)
  "The TextEdits of ACTION's inline WorkspaceEdit for BUFFER."
  (let ((changes (plist-get (plist-get action :edit) :changes))
        (path (buffer-file-name buffer)))
    (cl-loop for (uri edits) on changes by #'cddr
             when (equal (file-truename (eglot--uri-to-path uri)) (file-truename path))
             return (append edits nil))))

(defun jfp-open (file)
  (let ((buffer (find-file-noselect file)))
    (with-current-buffer buffer (plan-md-mode))
    buffer))

(defun jfp-main ()
  (let ((example (jfp-open jfp-example-file))
        (draft (jfp-open jfp-draft-file))
        proc)

    (jfp-check (format "eglot %s starts the server and initializes (%s)"
                       (or (ignore-errors (require 'lisp-mnt)
                                          (lm-version (concat (file-name-sans-extension (locate-library "eglot")) ".el")))
                           "?")
                       (string-join jfp-cmd " "))
      (let ((default-directory jfp-root))
        (eglot '(plan-md-mode) (cons 'transient jfp-root) 'eglot-lsp-server jfp-cmd "markdown"))
      (setq jfp-server (with-current-buffer draft (eglot-current-server)))
      (jfp-expect jfp-server "no eglot server for the draft after M-x eglot")
      (setq proc (jsonrpc--process jfp-server))
      (let ((pidfile (getenv "JFP_E2E_PIDFILE")))
        (when (and pidfile (process-id proc))
          (with-temp-file pidfile (insert (number-to-string (process-id proc))))))
      (with-current-buffer draft
        (jfp-expect (eglot--server-capable :hoverProvider) "no hoverProvider")
        (jfp-expect (eglot--server-capable :completionProvider) "no completionProvider")
        (jfp-expect (eglot--server-capable :codeActionProvider) "no codeActionProvider"))
      (dolist (b (list example draft))
        (jfp-expect (buffer-local-value 'eglot--managed-mode b) "%s is not managed by eglot" (buffer-name b))))

    (when jfp-server
      (jfp-check "complete plan: diagnostics pushed, no statutory item reported missing"
        (let* ((diags (jfp-wait-publish example "the complete plan"))
               (statutory (cl-loop for d in (jfp-by-code diags "jfp.duty.missing")
                                   when (<= (plist-get d :severity) 2) collect (jfp-item d))))
          (jfp-expect diags "nothing published: not recognised as a plan?")
          ;; Statutory items are warnings; guidance-only content areas (area-*) are information.
          (jfp-expect (null statutory) "statutory items reported missing: %s" statutory)))

      (let (first)
        (jfp-check "draft plan: diagnostics pushed after didOpen and reach flymake"
          (setq first (jfp-wait-publish draft "the draft"))
          (jfp-expect first "no diagnostics for the draft")
          (with-current-buffer draft
            (jfp-expect (bound-and-true-p flymake-mode) "flymake-mode is off in the draft")
            (flymake-start)
            (jfp-expect (jfp-wait (lambda () (= (length (flymake-diagnostics)) (length first))))
                        "flymake has %d diagnostics, the server sent %d" (length (flymake-diagnostics)) (length first))))

        (jfp-check "draft plan: misspelt id is a jfp.tag.unknown error on line 20"
          (let ((u (jfp-by-code first "jfp.tag.unknown")))
            (jfp-expect (= (length u) 1) "expected 1 jfp.tag.unknown, got %d" (length u))
            (jfp-expect (equal (plist-get (car u) :severity) 1) "severity %s" (plist-get (car u) :severity))
            (let ((line (plist-get (plist-get (plist-get (car u) :range) :start) :line)))
              (jfp-expect (= line 19) "on line %d" (1+ line))
              (jfp-expect (= line (jfp-line-of draft "<!-- jfp: duty-integraton")) "not on the comment line"))))

        (jfp-check "draft plan: duty-research is a jfp.duty.missing warning on the title line"
          (let ((m (jfp-by-code first "jfp.duty.missing" "duty-research"))
                (prefix "Not covered: Duty in respect of research (NHS Act 2006 s.14Z40"))
            (jfp-expect (= (length m) 1) "expected 1 duty-research missing, got %d" (length m))
            (jfp-expect (equal (plist-get (car m) :severity) 2) "severity %s" (plist-get (car m) :severity))
            (jfp-expect (= (plist-get (plist-get (plist-get (car m) :range) :start) :line) 7) "not on line 8")
            (jfp-expect (string-prefix-p prefix (plist-get (car m) :message)) "message: %s" (jfp-short (plist-get (car m) :message)))
            (jfp-expect (> (length (jfp-by-code first "jfp.duty.missing")) 1) "only one missing item reported"))))

      (jfp-check "hover on \"## Safe, effective care\": quality duty and citation, as plain text"
        (pcase-let ((`(,kind . ,text) (jfp-hover draft (jfp-line-of draft "## Safe, effective care") 5)))
          (jfp-expect (equal kind "plaintext") "kind %s (eglot without markdown-mode advertises plaintext only)" kind)
          (jfp-expect (string-match-p (regexp-quote "Duty to improve the quality of services") text) "hover: %s" (jfp-short text))
          (jfp-expect (string-match-p (regexp-quote "s.14Z34") text) "hover: %s" (jfp-short text))
          (jfp-expect (not (string-match-p (regexp-quote "**") text)) "Markdown in a plain text hover: %s" (jfp-short text))))

      (jfp-check "completion after \"## \" offers item headings"
        (let ((labels (jfp-complete-on-new-line draft (jfp-line-of draft "## Next steps") "## ")))
          (jfp-expect (member "Climate change and net zero" labels) "%d items, none \"Climate change and net zero\"" (length labels))))

      (jfp-check "completion inside \"<!-- jfp: \" offers catalogue ids"
        (let ((labels (jfp-complete-on-new-line draft (jfp-line-of draft "## Next steps") "<!-- jfp: ")))
          (jfp-expect (member "duty-climate-change" labels) "%d items, none \"duty-climate-change\"" (length labels))))

      (jfp-check "quick fix for missing duty-research inserts a tagged section (inline edit)"
        (let* ((diags (jfp-wait-publish draft "the draft after completion edits"))
               (d (car (jfp-by-code diags "jfp.duty.missing" "duty-research")))
               (title "Insert a section for \"Duty in respect of research\"")
               actions action edits)
          (jfp-expect d "no duty-research diagnostic")
          (setq actions (jfp-code-actions draft d))
          (setq action (cl-find title actions :key (lambda (a) (plist-get a :title)) :test #'equal))
          (jfp-expect action "no %S in %S" title (mapcar (lambda (a) (plist-get a :title)) actions))
          (jfp-expect (equal (plist-get action :kind) "quickfix") "kind %s" (plist-get action :kind))
          (setq edits (jfp-edits-for action draft))
          (jfp-expect edits "no inline edit for the draft: %s" (jfp-short (plist-get action :edit)))
          (jfp-expect (cl-some (lambda (e) (string-match-p (regexp-quote "<!-- jfp: duty-research -->") (plist-get e :newText))) edits)
                      "edit text: %s" (jfp-short (mapconcat (lambda (e) (plist-get e :newText)) edits "")))))

      (jfp-check "didChange: appending a research section re-publishes without the duty-research warning"
        (with-current-buffer draft
          (save-excursion
            (goto-char (point-max))
            (insert "\n## Research\n\nWe will work with NIHR and our universities on clinical trials.\n")))
        (let ((diags (jfp-wait-publish draft "the edited draft")))
          (jfp-expect (null (jfp-by-code diags "jfp.duty.missing" "duty-research")) "duty-research still reported missing")
          (jfp-expect (jfp-by-code diags "jfp.duty.missing" "duty-advice") "duty-advice is no longer reported (unexpected)")))

      (jfp-check "quick fix \"Change to \\\"duty-integration\\\"\" via eglot-code-actions + eglot--apply-workspace-edit clears jfp.tag.unknown"
        (with-current-buffer draft
          (let* ((line (jfp-line-of draft "<!-- jfp: duty-integraton"))
                 (beg (save-excursion (goto-char (point-min)) (forward-line line) (point)))
                 (end (save-excursion (goto-char beg) (line-end-position)))
                 actions action diags)
            ;; eglot rebuilds the LSP diagnostics of the region from flymake's (it keeps the raw ones).
            (flymake-start)
            (jfp-expect (jfp-wait (lambda () (cl-some (lambda (d) (equal (plist-get (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))) :code) "jfp.tag.unknown"))
                                                      (flymake-diagnostics beg end))))
                        "flymake has no jfp.tag.unknown diagnostic on line %d" (1+ line))
            (setq actions (eglot-code-actions beg end "quickfix"))
            (setq action (cl-find "Change to \"duty-integration\"" actions :key (lambda (a) (plist-get a :title)) :test #'equal))
            (jfp-expect action "no \"Change to \\\"duty-integration\\\"\" in %S" (mapcar (lambda (a) (plist-get a :title)) actions))
            (jfp-expect (plist-get action :edit) "the quick fix has no inline edit")
            (let ((before eglot--versioned-identifier))
              (eglot--apply-workspace-edit (plist-get action :edit))
              (jfp-expect (> eglot--versioned-identifier before) "applying the edit did not change the buffer"))
            (jfp-expect (equal (jfp-line-text draft 19) "<!-- jfp: duty-integration -->") "line 20 is now: %s" (jfp-line-text draft 19))
            ;; eglot--apply-workspace-edit ends with (eldoc), so a textDocument/hover request follows
            ;; the didChange at once: the server must still publish for the new version.
            (setq diags (jfp-wait-publish draft "the fixed draft"))
            (jfp-expect (null (jfp-by-code diags "jfp.tag.unknown")) "jfp.tag.unknown still published")
            (jfp-expect (buffer-modified-p) "buffer should be modified (and never saved)"))))

      (jfp-check "hover on \"## Joining up care\" (mapped once the id is fixed): duty title and citation, plain text"
        (pcase-let ((`(,kind . ,text) (jfp-hover draft (jfp-line-of draft "## Joining up care") 5)))
          (jfp-expect (equal kind "plaintext") "kind %s" kind)
          (jfp-expect (string-match-p (regexp-quote "Duty to promote integration") text) "hover: %s" (jfp-short text))
          (let ((citation "s.14Z42"))
            (jfp-expect (string-match-p (regexp-quote citation) text) "no %S in hover: %s" citation (jfp-short text)))
          (jfp-expect (not (string-match-p (regexp-quote "**") text)) "Markdown in a plain text hover: %s" (jfp-short text))))

      (jfp-check "server shuts down cleanly"
        ;; Polite shutdown + exit, then wait for the process to end by itself (eglot-shutdown would
        ;; delete-process right after sending exit, which races the server's own exit).
        (setf (eglot--shutdown-requested jfp-server) t)
        (jfp-request :shutdown nil)
        (jsonrpc-notify jfp-server :exit nil)
        (jfp-expect (jfp-wait (lambda () (not (process-live-p proc)))) "server did not exit after shutdown")
        (jfp-expect (and (eq (process-status proc) 'exit) (= (process-exit-status proc) 0))
                    "server ended with %s %s" (process-status proc) (process-exit-status proc))))))

(condition-case err
    (jfp-main)
  (error (cl-incf jfp-failed)
         (jfp-out "FAIL script error: %s" (error-message-string err))))

;; Whatever happened, do not leave the server running.
(when (and jfp-server (jsonrpc-running-p jfp-server))
  (ignore-errors (eglot-shutdown jfp-server nil 2)))

(jfp-finish)

;;; check.el ends here
