# A slow reader on a pipe whose write end is non-blocking (a parent left it so): hashcalc's writes meet EAGAIN
# and must wait and retry (src/cli/stdio.ts), never drop output. Run by test/smoke/binary.test.ts:
#   python3 nonblocking-pipe.py NODE BIN  ->  one JSON line: exit code, bytes read, stderr, months per option
import os, subprocess, sys, time, json
r, w = os.pipe()
os.set_blocking(w, False)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'project', '--mw', '341', '--years', '20', '--offline', '--json', '--quiet'], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(0.5)
chunks = []
while True:
    b = os.read(r, 65536)
    if not b: break
    chunks.append(b)
err = p.stderr.read()
code = p.wait()
data = b''.join(chunks)
print(json.dumps({'code': code, 'bytes': len(data), 'stderr': err.decode(), 'months': [len(o['months']) for o in json.loads(data)['options']]}))
