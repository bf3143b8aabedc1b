;; The loader's checksum (src/checksum.ts embeds this module, assembled by `wat2wasm checksum.wat`).
;; checksum(start, len): a 64-bit checksum of the bytes memory[start, start + len), read as little-endian
;; 64-bit words; the caller zeroes the (up to 7) bytes after them that the last word reads.
;; Per word w: h = (h xor w) x P (FNV-1a's 64-bit prime), then h = h xor (h >> 29). Each step is a bijection
;; of h, so any change to one word changes the result. Then the length, and murmur3's fmix64 to mix every
;; bit into every bit (the low 32 bits name files).
;; The memory is the caller's (imported, never grown: growing one detaches its old ArrayBuffer, and a detached
;; ArrayBuffer anywhere in a process makes V8 check every typed array access from then on: measured 10% off a
;; simulation's speed).
(module
  (import "env" "memory" (memory 1))
  (func (export "checksum") (param $start i32) (param $len i32) (result i64)
    (local $i i32) (local $end i32) (local $h i64)
    (local.set $i (local.get $start))
    (local.set $end (i32.add (local.get $start) (local.get $len)))
    ;; FNV-1a's 64-bit offset basis
    (local.set $h (i64.const 0xcbf29ce484222325))
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $h
          (i64.mul (i64.xor (local.get $h) (i64.load (local.get $i))) (i64.const 0x100000001b3)))
        (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 29))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $word)))
    (local.set $h (i64.xor (local.get $h) (i64.extend_i32_u (local.get $len))))
    (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))))
    (local.set $h (i64.mul (local.get $h) (i64.const 0xff51afd7ed558ccd)))
    (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))))
    (local.set $h (i64.mul (local.get $h) (i64.const 0xc4ceb9fe1a85ec53)))
    (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33)))))
