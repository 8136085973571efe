;; Candidate positions of ASCII digit runs, 64 bytes at a time (WebAssembly SIMD).
;;
;; runs(ptr, len, out, k) -> count
;;   Writes, as i32 offsets from ptr, candidate positions for every run of at least k ASCII
;;   digits (1 <= k <= 32) in [ptr, ptr + len): each 64-byte step makes a 64-bit mask of its
;;   digits (four SIMD compares), keeps the bits that start k set bits inside the step, and
;;   writes their positions; a run that crosses into the step from the one before writes the
;;   step's first position. The caller widens each candidate to its whole run, so a run may be
;;   named more than once and a crossing candidate may belong to a shorter run: the caller
;;   checks the length. The byte before ptr says whether a run crosses into the first step (the
;;   caller puts the byte before the window there, or a non-digit). Bytes up to ptr + len + 64
;;   are read: the caller pads with non-digits.
;;   `out` must hold len + len / 64 i32s.
(module
  (memory (export "memory") 8)
  (func (export "runs") (param $ptr i32) (param $len i32) (param $out i32) (param $k i32) (result i32)
    (local $p i32) (local $end i32) (local $o i32)
    (local $x i64) (local $r i64) (local $prev i64) (local $n i64) (local $kk i64)
    (local $zero v128) (local $ten v128)
    (local.set $zero (i8x16.splat (i32.const 48)))
    (local.set $ten (i8x16.splat (i32.const 10)))
    (local.set $kk (i64.extend_i32_u (local.get $k)))
    (local.set $p (local.get $ptr))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (local.set $o (local.get $out))
    (local.set $prev
      (i64.extend_i32_u (i32.lt_u (i32.sub (i32.load8_u (i32.sub (local.get $ptr) (i32.const 1))) (i32.const 48)) (i32.const 10))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x
          (i64.or
            (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.load offset=0 (local.get $p)) (local.get $zero)) (local.get $ten))))
                    (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.load offset=16 (local.get $p)) (local.get $zero)) (local.get $ten)))) (i64.const 16)))
            (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.load offset=32 (local.get $p)) (local.get $zero)) (local.get $ten)))) (i64.const 32))
                    (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.load offset=48 (local.get $p)) (local.get $zero)) (local.get $ten)))) (i64.const 48)))))
        ;; r: bits i with bits i .. i + k - 1 all set (doubling, then the remainder)
        (local.set $r (local.get $x))
        (local.set $n (i64.const 1))
        (block $doubled
          (loop $double
            (br_if $doubled (i64.gt_u (i64.shl (local.get $n) (i64.const 1)) (local.get $kk)))
            (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (local.get $n))))
            (local.set $n (i64.shl (local.get $n) (i64.const 1)))
            (br $double)))
        (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (i64.sub (local.get $kk) (local.get $n)))))
        ;; a run crossing in from the previous step
        (if (i64.ne (i64.and (i64.and (local.get $prev) (local.get $x)) (i64.const 1)) (i64.const 0))
          (then
            (i32.store (local.get $o) (i32.sub (local.get $p) (local.get $ptr)))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))))
        (local.set $prev (i64.shr_u (local.get $x) (i64.const 63)))
        (if (i64.ne (local.get $r) (i64.const 0))
          (then
            (loop $emit
              (i32.store (local.get $o) (i32.add (i32.sub (local.get $p) (local.get $ptr)) (i32.wrap_i64 (i64.ctz (local.get $r)))))
              (local.set $o (i32.add (local.get $o) (i32.const 4)))
              (local.set $r (i64.and (local.get $r) (i64.sub (local.get $r) (i64.const 1))))
              (br_if $emit (i64.ne (local.get $r) (i64.const 0))))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $o) (local.get $out)) (i32.const 2)))
)
