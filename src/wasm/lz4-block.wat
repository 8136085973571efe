;; LZ4 block decoding (the raw block format: EROFS pclusters, legacy-frame blocks).
;;
;; decode(src, srcLen, out, outSize) -> bytes written, or -1 for a malformed block
;;   Mirrors lz4DecompressBlock in src/formats/lz4.ts: stops when the output is full or the input
;;   ends; every read and back-reference is bounds-checked. Stores the input position reached at
;;   address 0 (an i32), so the caller can tell whether the whole block was consumed. On -1 the
;;   caller decodes again in JavaScript, which names the fault. Matches that overlap their own
;;   output are copied byte by byte; others, and literals, with one 16-byte load and store when
;;   they are 16 bytes or shorter (most are), else memory.copy. The 16-byte copies read up to 15
;;   bytes past a literal run and write up to 15 bytes past the output: the caller leaves 32
;;   bytes of memory after the output.
(module
  (memory (export "memory") 2)
  (func (export "decode") (param $src i32) (param $srcLen i32) (param $out i32) (param $outSize i32) (result i32)
    (local $ip i32) (local $iend i32) (local $op i32) (local $oend i32)
    (local $token i32) (local $len i32) (local $b i32) (local $n i32) (local $off i32) (local $from i32)
    (local.set $ip (local.get $src))
    (local.set $iend (i32.add (local.get $src) (local.get $srcLen)))
    (local.set $op (local.get $out))
    (local.set $oend (i32.add (local.get $out) (local.get $outSize)))
    (block $done
      (loop $seq
        (br_if $done (i32.ge_u (local.get $ip) (local.get $iend)))
        (br_if $done (i32.ge_u (local.get $op) (local.get $oend)))
        (local.set $token (i32.load8_u (local.get $ip)))
        (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
        ;; literals
        (local.set $len (i32.shr_u (local.get $token) (i32.const 4)))
        (if (i32.eq (local.get $len) (i32.const 15))
          (then
            (loop $more
              (if (i32.ge_u (local.get $ip) (local.get $iend)) (then (return (i32.const -1))))
              (local.set $b (i32.load8_u (local.get $ip)))
              (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
              (local.set $len (i32.add (local.get $len) (local.get $b)))
              (br_if $more (i32.eq (local.get $b) (i32.const 255))))))
        (if (local.get $len)
          (then
            (if (i32.gt_u (local.get $len) (i32.sub (local.get $iend) (local.get $ip))) (then (return (i32.const -1))))
            (local.set $n (local.get $len))
            (if (i32.gt_u (local.get $n) (i32.sub (local.get $oend) (local.get $op)))
              (then (local.set $n (i32.sub (local.get $oend) (local.get $op)))))
            ;; up to 16 bytes: one 16-byte load and store (the caller leaves 32 bytes of slack
            ;; after the output; what lands past n is overwritten by what follows)
            (if (i32.le_u (local.get $n) (i32.const 16))
              (then (v128.store (local.get $op) (v128.load (local.get $ip))))
              (else (memory.copy (local.get $op) (local.get $ip) (local.get $n))))
            (local.set $op (i32.add (local.get $op) (local.get $n)))
            (local.set $ip (i32.add (local.get $ip) (local.get $len)))
            (br_if $done (i32.ge_u (local.get $op) (local.get $oend)))))
        ;; the last sequence has literals only
        (br_if $done (i32.ge_u (local.get $ip) (local.get $iend)))
        ;; match
        (if (i32.lt_u (i32.sub (local.get $iend) (local.get $ip)) (i32.const 2)) (then (return (i32.const -1))))
        (local.set $off (i32.load16_u (local.get $ip)))
        (local.set $ip (i32.add (local.get $ip) (i32.const 2)))
        (if (i32.eqz (local.get $off)) (then (return (i32.const -1))))
        (if (i32.gt_u (local.get $off) (i32.sub (local.get $op) (local.get $out))) (then (return (i32.const -1))))
        (local.set $len (i32.add (i32.and (local.get $token) (i32.const 15)) (i32.const 4)))
        (if (i32.eq (i32.and (local.get $token) (i32.const 15)) (i32.const 15))
          (then
            (loop $more2
              (if (i32.ge_u (local.get $ip) (local.get $iend)) (then (return (i32.const -1))))
              (local.set $b (i32.load8_u (local.get $ip)))
              (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
              (local.set $len (i32.add (local.get $len) (local.get $b)))
              (br_if $more2 (i32.eq (local.get $b) (i32.const 255))))))
        (local.set $n (local.get $len))
        (if (i32.gt_u (local.get $n) (i32.sub (local.get $oend) (local.get $op)))
          (then (local.set $n (i32.sub (local.get $oend) (local.get $op)))))
        (local.set $from (i32.sub (local.get $op) (local.get $off)))
        (if (i32.ge_u (local.get $off) (local.get $n))
          (then
            ;; the source lies wholly before op: up to 16 bytes in one load and store
            (if (i32.le_u (local.get $n) (i32.const 16))
              (then (v128.store (local.get $op) (v128.load (local.get $from))))
              (else (memory.copy (local.get $op) (local.get $from) (local.get $n))))
            (local.set $op (i32.add (local.get $op) (local.get $n))))
          (else
            ;; overlapping: a repeated pattern, copied forwards byte by byte
            (block $copied
              (loop $copy
                (br_if $copied (i32.eqz (local.get $n)))
                (i32.store8 (local.get $op) (i32.load8_u (local.get $from)))
                (local.set $op (i32.add (local.get $op) (i32.const 1)))
                (local.set $from (i32.add (local.get $from) (i32.const 1)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $copy)))))
        (br $seq)))
    (i32.store (i32.const 0) (i32.sub (local.get $ip) (local.get $src)))
    (i32.sub (local.get $op) (local.get $out)))
)
