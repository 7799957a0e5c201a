// exec-form-joined-words: one exec-form word holding a whole command line.
import { describe, expect, it } from 'vitest';
import { hits, lint } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

describe('exec-form-joined-words', () => {
  it('fires on a program word with its arguments in it (a Django Dockerfile seen in public code: CMD ["python manage.py runserver 0.0.0.0:8000"])', () => {
    const f = lint('FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app/\nEXPOSE 8000\nCMD ["python manage.py runserver 0.0.0.0:8000"]\n');
    expectOne(f, 'exec-form-joined-words', 5, 'error');
    expect(hits(f, 'exec-form-joined-words')[0]!.fix).toContain('CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]');
  });

  it('fires on the interpreter\'s file operand: ENTRYPOINT ["python"] + CMD ["gunicorn app:app"], at the CMD', () => {
    const f = lint('FROM python:3.12-slim\nWORKDIR /app\nENTRYPOINT ["python"]\nCMD ["gunicorn app:app"]\n');
    expectOne(f, 'exec-form-joined-words', 4, 'error');
    expect(hits(f, 'exec-form-joined-words')[0]!.message).toContain('looks for a file named `gunicorn app:app`');
  });

  it('fires on the program after an init', () => {
    expectOne(lint('FROM node:22-slim\nRUN apt-get install -y tini\nENTRYPOINT ["tini", "--", "node server.js"]\n'), 'exec-form-joined-words', 3);
  });

  it('near miss: the same string handed to `bash -c` (ENTRYPOINT ["/bin/bash","-c"] + CMD ["python manage.py runserver 0.0.0.0:888"], seen in public code)', () => {
    expectNone(lint('FROM python:3.9\nWORKDIR /code\nEXPOSE 888\nCMD ["python manage.py runserver 0.0.0.0:888"]\nENTRYPOINT ["/bin/bash","-c"]\n'), 'exec-form-joined-words');
  });

  it('near miss: arguments that hold spaces on purpose (nginx -g "daemon off;", python -c code, a shell-form CMD)', () => {
    expectNone(lint('FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'), 'exec-form-joined-words');
    expectNone(lint('FROM python:3.12\nCMD ["python", "-c", "import app; app.main()"]\n'), 'exec-form-joined-words');
    expectNone(lint('FROM python:3.12\nCMD python manage.py runserver 0.0.0.0:8000\n'), 'exec-form-joined-words');
  });
});

describe('malformed-exec-form on VOLUME', () => {
  it("fires on single quotes: VOLUME ['/data', '/logs'] makes volumes named ['/data', and '/logs']", () => {
    const f = lint("FROM postgres:16\nVOLUME ['/data', '/logs']\nCMD [\"postgres\"]\n");
    expectOne(f, 'malformed-exec-form', 2, 'error');
    expect(hits(f, 'malformed-exec-form')[0]!.message).toContain("creates volumes named `['/data',`, `'/logs']`");
  });

  it('near miss: a valid JSON VOLUME, and a plain path list', () => {
    expectNone(lint('FROM postgres:16\nVOLUME ["/data", "/logs"]\nCMD ["postgres"]\n'), 'malformed-exec-form');
    expectNone(lint('FROM postgres:16\nVOLUME /data /logs\nCMD ["postgres"]\n'), 'malformed-exec-form');
  });
});
