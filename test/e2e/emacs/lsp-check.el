;;; lsp-check.el --- Emacs + Eglot as an LSP client of the AWS Patterns server  -*- lexical-binding: t -*-
;; Debian's Emacs 28 with elpa-eglot 1.9 (Eglot is built in from Emacs 29). Run by lsp-clients.test.ts:
;;   emacs --batch -l lsp-check.el <policy.json>
;; (not -Q: Debian's site-start puts the elpa packages on the load path)
;; Environment: AWS_PATTERNS_SERVER (dist/server.js).
;; Prints one line per check, then "N passed, N failed"; exits non-zero on any failure.
(require 'eglot)
(require 'flymake)

(defvar aws-check-passed 0)
(defvar aws-check-failed 0)
(defun aws-check (ok what)
  (if ok (setq aws-check-passed (1+ aws-check-passed)) (setq aws-check-failed (1+ aws-check-failed)))
  (princ (format "%s %s\n" (if ok "ok  " "FAIL") what))
  ok)
(defun aws-finish ()
  (princ (format "%d passed, %d failed\n" aws-check-passed aws-check-failed))
  (kill-emacs (if (= aws-check-failed 0) 0 1)))
(defun aws-wait (pred seconds)
  "Process server output until PRED holds or SECONDS pass; return PRED's last value."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))
(defun aws-findings ()
  (seq-filter (lambda (d) (string-match-p "\\[iam-wildcard-action\\]" (flymake-diagnostic-text d)))
              (flymake-diagnostics)))

(add-to-list 'eglot-server-programs
             `((js-mode js-json-mode json-mode typescript-mode) . ("node" ,(getenv "AWS_PATTERNS_SERVER") "--stdio")))

(find-file (car command-line-args-left))
(condition-case err
    (progn
      (apply #'eglot (eglot--guess-contact))
      (aws-check (aws-wait #'eglot-current-server 20) "the server starts over stdio")
      ;; 1. Diagnostics reach flymake.
      (let ((d (car (aws-wait #'aws-findings 20))))
        (when (aws-check d "diagnostics arrive for the policy")
          (aws-check (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "\"s3:*\"")
                     (format "%s" (flymake-diagnostic-text d)))
          ;; 2. A quick fix is offered and, applied, rewrites the text and clears the finding.
          (let ((action (seq-find (lambda (a) (plist-get a :edit))
                                  (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix"))))
            (when (aws-check action "a code action with an edit is offered")
              (princ (format "     code action: %s\n" (plist-get action :title)))
              (eglot--apply-workspace-edit (plist-get action :edit))
              (aws-check (not (string-search "\"s3:*\"" (buffer-string))) "applying it rewrites \"s3:*\"")
              (aws-check (condition-case nil (progn (json-parse-string (buffer-string)) t) (error nil))
                         "the fixed policy is still JSON")
              ;; Eglot sends didChange from an idle timer, and batch Emacs is never idle: send it now.
              (eglot--signal-textDocument/didChange)
              (flymake-start)
              (aws-check (aws-wait (lambda () (null (aws-findings))) 20) "the finding is gone after the fix")))))
      (eglot-shutdown (eglot-current-server)))
  (error (aws-check nil (format "error: %S" err))))
(aws-finish)
