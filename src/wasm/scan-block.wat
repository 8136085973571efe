;; Endpoint candidates in one block of bytes, 64 bytes at a time (WebAssembly SIMD).
;;
;; block(ptr, len, ctx, k, outRuns, outTokens, outUrls, outWide) -> number of digit-run candidates
;;
;; The block lies at [ptr, ptr + len) (copied there, or where it was inflated, in a slot) with up
;; to `ctx` bytes of context on each side ([ptr - ctx, ptr + len + ctx), bytes outside the
;; scanned window zeroed) and 64 more bytes after that. Every 64-byte step loads its bytes once and makes four 64-bit masks (digits,
;; host bytes, dots, colons); from them, in one pass:
;;
;; - digit runs (SMS numbers): as i32 offsets from ptr at outRuns, candidate positions of every
;;   run of at least k ASCII digits (1 <= k <= 32): bits that start k set bits inside a step, and
;;   a step's first position when a run crosses into it. The caller widens each candidate to its
;;   whole run and checks its length (a run may be named more than once). outRuns holds
;;   len + len / 64 i32s.
;; - dotted tokens (hosts, IPv4): every maximal run of host bytes (letters, digits, '-', '.') with
;;   a dot that has a host byte on both sides, widened, trimmed of leading and trailing '.' and
;;   '-', and kept when it is 4..253 bytes long and has an inner dot. Each kept token is four i32s at outTokens: start and end of the trimmed token and end of the run (offsets from ptr, the start
;;   may be negative: the run began in the context) and flags (1: letter TLD, 2: has A-Z, 8: none
;;   of a label of 2+ letters or an `xn--` label at its end, a canonical dotted quad (four parts
;;   of 0-255, no leading zeros), or one after its first byte: the caller looks in it only for a
;;   listed name glued to the bytes after or before it). A run
;;   that reaches the edge of the context (it may go on beyond the copy) is left to the caller:
;;   the record is the dot's offset, 0, 0, flags 4. The count is stored at address 0.
;; - `://[` (IPv6 literals in URLs): the offsets of the ':' at outUrls; the count at address 4.
;; - dots of UTF-16LE text (a `u"..."` literal, Qt's and WebKit's strings): the offsets of each
;;   dot that is not a narrow token's, has a zero byte on both sides, a host byte two before and
;;   two after it and a zero after that (`h 0 . 0 h 0`), at outWide; the count at address 12. The
;;   caller widens each to its run of UTF-16 characters (one per 2 bytes at most: `. 0 . 0`).
;; - digit runs of UTF-16LE text: the offset of the first digit of every k digits 2 bytes apart
;;   inside a step with a zero byte after it and none such 2 before it, and of the digit after a
;;   step's start when such digits meet across it, from outWideDigits + 4 (ascending); the count
;;   at outWideDigits (the header has no room left). The zeros after the others are not looked
;;   at: the caller widens each to its run of UTF-16 text.
;;
;; Address 16-271 holds a table of byte classes (1 host byte, 2 letter, 4 '.' or '-', 8 digit,
;; 16 capital); the caller's memory starts past it.
;;
;; Every run or token is reported at most once per block: a run is skipped once seen, and the
;; caller drops a token whose start is before the end of the last one it took (it was found
;; from the block before).
(module
  (memory (export "memory") 16)

  (data (i32.const 61) "\05\05")
  (data (i32.const 64) "\09\09\09\09\09\09\09\09\09\09")
  (data (i32.const 81) "\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13\13")
  (data (i32.const 113) "\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03")

  ;; One dotted-token candidate: the dot at q. Returns the new skip position (end of its run).
  (func $token (param $q i32) (param $ptr i32) (param $lo i32) (param $hi i32) (result i32)
    (local $ts i32) (local $te i32) (local $a i32) (local $b i32) (local $ld i32) (local $i i32)
    (local $alpha i32) (local $upper i32) (local $c i32) (local $o i32) (local $glued i32)
    (local.set $ts (local.get $q))
    (block $s (loop $l
      (br_if $s (i32.le_u (local.get $ts) (local.get $lo)))
      (br_if $s (i32.eqz (i32.and (i32.load8_u offset=16 (i32.load8_u (i32.sub (local.get $ts) (i32.const 1)))) (i32.const 1))))
      (local.set $ts (i32.sub (local.get $ts) (i32.const 1)))
      (br $l)))
    (local.set $te (i32.add (local.get $q) (i32.const 1)))
    (block $s (loop $l
      (br_if $s (i32.ge_u (local.get $te) (local.get $hi)))
      (br_if $s (i32.eqz (i32.and (i32.load8_u offset=16 (i32.load8_u (local.get $te))) (i32.const 1))))
      (local.set $te (i32.add (local.get $te) (i32.const 1)))
      (br $l)))
    ;; the run may go on beyond the copy: the caller decides from its own bytes
    (if (i32.or (i32.eq (local.get $ts) (local.get $lo)) (i32.eq (local.get $te) (local.get $hi)))
      (then
        (local.set $o (i32.load (i32.const 0)))
        (call $emit (local.get $o) (i32.sub (local.get $q) (local.get $ptr)) (i32.const 0) (i32.const 0) (i32.const 4))
        (return (local.get $te))))
    (local.set $a (local.get $ts))
    (local.set $b (local.get $te))
    (block $s (loop $l
      (br_if $s (i32.ge_u (local.get $a) (local.get $b)))
      (br_if $s (i32.eqz (i32.and (i32.load8_u offset=16 (i32.load8_u (local.get $a))) (i32.const 4))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $l)))
    (block $s (loop $l
      (br_if $s (i32.le_u (local.get $b) (local.get $a)))
      (br_if $s (i32.eqz (i32.and (i32.load8_u offset=16 (i32.load8_u (i32.sub (local.get $b) (i32.const 1)))) (i32.const 4))))
      (local.set $b (i32.sub (local.get $b) (i32.const 1)))
      (br $l)))
    (if (i32.lt_u (i32.sub (local.get $b) (local.get $a)) (i32.const 4)) (then (return (local.get $te))))
    (if (i32.gt_u (i32.sub (local.get $b) (local.get $a)) (i32.const 253)) (then (return (local.get $te))))
    ;; the last dot; none left after trimming: no dotted name
    (local.set $ld (i32.sub (local.get $b) (i32.const 1)))
    (block $s (loop $l
      (br_if $s (i32.le_u (local.get $ld) (local.get $a)))
      (br_if $s (i32.eq (i32.load8_u (local.get $ld)) (i32.const 46)))
      (local.set $ld (i32.sub (local.get $ld) (i32.const 1)))
      (br $l)))
    (if (i32.eq (local.get $ld) (local.get $a)) (then (return (local.get $te))))
    ;; a TLD of 2+ letters
    (local.set $alpha (i32.ge_u (i32.sub (i32.sub (local.get $b) (local.get $ld)) (i32.const 1)) (i32.const 2)))
    (local.set $i (i32.add (local.get $ld) (i32.const 1)))
    (block $s (loop $l
      (br_if $s (i32.eqz (local.get $alpha)))
      (br_if $s (i32.ge_u (local.get $i) (local.get $b)))
      (if (i32.eqz (i32.and (i32.load8_u offset=16 (i32.load8_u (local.get $i))) (i32.const 2))) (then (local.set $alpha (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    ;; or an internationalised one (xn--)
    (if (i32.and (i32.eqz (local.get $alpha)) (i32.gt_u (i32.sub (local.get $b) (local.get $ld)) (i32.const 5)))
      (then
        (if (i32.and
              (i32.and (i32.eq (i32.or (i32.load8_u offset=1 (local.get $ld)) (i32.const 32)) (i32.const 120))
                       (i32.eq (i32.or (i32.load8_u offset=2 (local.get $ld)) (i32.const 32)) (i32.const 110)))
              (i32.and (i32.eq (i32.load8_u offset=3 (local.get $ld)) (i32.const 45))
                       (i32.eq (i32.load8_u offset=4 (local.get $ld)) (i32.const 45))))
          (then (local.set $alpha (i32.const 1))))))
    ;; else only digits and dots (a dotted quad), or flag 8
    (local.set $i (local.get $a))
    (block $s (loop $l
      (br_if $s (i32.ge_u (local.get $i) (local.get $b)))
      (local.set $c (i32.load8_u (local.get $i)))
      (if (i32.eqz (local.get $alpha))
        (then
          (if (i32.and (i32.ge_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10)) (i32.ne (local.get $c) (i32.const 46)))
            (then (local.set $glued (i32.const 8))))))
      (if (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26)) (then (local.set $upper (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    ;; (or one after the byte that starts it: the length of its string, where JavaScript then looks
    ;; for a listed address)
    (if (i32.eqz (i32.or (local.get $alpha) (local.get $glued)))
      (then (if (i32.eqz (call $quad (local.get $a) (local.get $b)))
        (then (if (i32.eqz (call $quad (i32.add (local.get $a) (i32.const 1)) (local.get $b))) (then (local.set $glued (i32.const 8))))))))
    (local.set $o (i32.load (i32.const 0)))
    (call $emit (local.get $o)
      (i32.sub (local.get $a) (local.get $ptr))
      (i32.sub (local.get $b) (local.get $ptr))
      (i32.sub (local.get $te) (local.get $ptr))
      (i32.or (i32.or (local.get $alpha) (local.get $upper)) (local.get $glued)))
    (local.get $te))

  ;; True when [a, b) (digits and dots) is a canonical dotted quad: four parts of 1-3 digits,
  ;; each at most 255, without leading zeros.
  (func $quad (param $a i32) (param $b i32) (result i32)
    (local $parts i32) (local $n i32) (local $v i32) (local $s i32) (local $c i32)
    (block $no
      (loop $part
        (local.set $v (i32.const 0))
        (local.set $n (i32.const 0))
        (local.set $s (local.get $a))
        (block $d (loop $dig
          (br_if $d (i32.ge_u (local.get $a) (local.get $b)))
          (local.set $c (i32.sub (i32.load8_u (local.get $a)) (i32.const 48)))
          (br_if $d (i32.ge_u (local.get $c) (i32.const 10)))
          (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $c)))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $dig)))
        (br_if $no (i32.eqz (local.get $n)))
        (br_if $no (i32.gt_u (local.get $n) (i32.const 3)))
        (br_if $no (i32.gt_u (local.get $v) (i32.const 255)))
        (br_if $no (i32.and (i32.gt_u (local.get $n) (i32.const 1)) (i32.eq (i32.load8_u (local.get $s)) (i32.const 48))))
        (local.set $parts (i32.add (local.get $parts) (i32.const 1)))
        (if (i32.ge_u (local.get $a) (local.get $b)) (then (return (i32.eq (local.get $parts) (i32.const 4)))))
        (br_if $no (i32.ge_u (local.get $parts) (i32.const 4)))
        ;; the byte after the digits is a dot (only digits and dots get here)
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $part)))
    (i32.const 0))

  ;; Appends one token record; address 8 holds where the records go.
  (func $emit (param $n i32) (param $x i32) (param $y i32) (param $z i32) (param $f i32)
    (local $at i32)
    (local.set $at (i32.add (i32.load (i32.const 8)) (i32.shl (local.get $n) (i32.const 4))))
    (i32.store offset=0 (local.get $at) (local.get $x))
    (i32.store offset=4 (local.get $at) (local.get $y))
    (i32.store offset=8 (local.get $at) (local.get $z))
    (i32.store offset=12 (local.get $at) (local.get $f))
    (i32.store (i32.const 0) (i32.add (local.get $n) (i32.const 1))))

  (func (export "block")
    (param $ptr i32) (param $len i32) (param $ctx i32) (param $k i32)
    (param $outRuns i32) (param $outTokens i32) (param $outUrls i32) (param $outWide i32) (param $outWideDigits i32) (result i32)
    (local $p i32) (local $end i32) (local $o i32) (local $u i32) (local $w i32) (local $wd i32) (local $lo i32) (local $hi i32)
    (local $r2 i64) (local $pw i64) (local $fm i64) (local $t i64)
    (local $skip i32) (local $q i32)
    (local $x i64) (local $r i64) (local $prev i64) (local $n i64) (local $kk i64)
    (local $dt i64) (local $cl i64) (local $f i64) (local $valid i64)
    (local $v v128) (local $c176 v128) (local $c138 v128) (local $c46 v128) (local $c58 v128)
    ;; digits: v - 176 (wrapping) is -128..-119 as a signed byte exactly for '0'..'9', so one
    ;; signed compare (native on x86, where an unsigned one is emulated) tells them
    (local.set $c176 (i8x16.splat (i32.const 176)))
    (local.set $c138 (i8x16.splat (i32.const -118)))
    (local.set $c46 (i8x16.splat (i32.const 46)))
    (local.set $c58 (i8x16.splat (i32.const 58)))
    (i32.store (i32.const 0) (i32.const 0))
    (i32.store (i32.const 4) (i32.const 0))
    (i32.store (i32.const 8) (local.get $outTokens))
    (local.set $kk (i64.extend_i32_u (local.get $k)))
    (local.set $p (local.get $ptr))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (local.set $lo (i32.sub (local.get $ptr) (local.get $ctx)))
    (local.set $hi (i32.add (local.get $end) (local.get $ctx)))
    (local.set $skip (local.get $ptr))
    (local.set $o (local.get $outRuns))
    (local.set $u (local.get $outUrls))
    (local.set $w (local.get $outWide))
    (local.set $wd (i32.add (local.get $outWideDigits) (i32.const 4)))
    ;; digits just before the block: bit 0, at ptr - 2; bit 1, at ptr - 1
    (local.set $pw
      (i64.extend_i32_u
        (i32.or
          (i32.lt_u (i32.sub (i32.load8_u (i32.sub (local.get $ptr) (i32.const 2))) (i32.const 48)) (i32.const 10))
          (i32.shl (i32.lt_u (i32.sub (i32.load8_u (i32.sub (local.get $ptr) (i32.const 1))) (i32.const 48)) (i32.const 10)) (i32.const 1)))))
    (local.set $prev
      (i64.extend_i32_u (i32.lt_u (i32.sub (i32.load8_u (i32.sub (local.get $ptr) (i32.const 1))) (i32.const 48)) (i32.const 10))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load offset=0 (local.get $p)))
        (local.set $x (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_s (i8x16.sub (local.get $v) (local.get $c176)) (local.get $c138)))))
        (local.set $dt (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c46)))))
        (local.set $cl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c58)))))
        (local.set $v (v128.load offset=16 (local.get $p)))
        (local.set $x (i64.or (local.get $x) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_s (i8x16.sub (local.get $v) (local.get $c176)) (local.get $c138)))) (i64.const 16))))
        (local.set $dt (i64.or (local.get $dt) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c46)))) (i64.const 16))))
        (local.set $cl (i64.or (local.get $cl) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c58)))) (i64.const 16))))
        (local.set $v (v128.load offset=32 (local.get $p)))
        (local.set $x (i64.or (local.get $x) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_s (i8x16.sub (local.get $v) (local.get $c176)) (local.get $c138)))) (i64.const 32))))
        (local.set $dt (i64.or (local.get $dt) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c46)))) (i64.const 32))))
        (local.set $cl (i64.or (local.get $cl) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c58)))) (i64.const 32))))
        (local.set $v (v128.load offset=48 (local.get $p)))
        (local.set $x (i64.or (local.get $x) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_s (i8x16.sub (local.get $v) (local.get $c176)) (local.get $c138)))) (i64.const 48))))
        (local.set $dt (i64.or (local.get $dt) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c46)))) (i64.const 48))))
        (local.set $cl (i64.or (local.get $cl) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c58)))) (i64.const 48))))

        ;; positions at or past the end of the block belong to the next one
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 64))
          (then
            (local.set $valid (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $p)))) (i64.const 1)))
            (local.set $x (i64.and (local.get $x) (local.get $valid)))
            (local.set $dt (i64.and (local.get $dt) (local.get $valid)))
            (local.set $cl (i64.and (local.get $cl) (local.get $valid)))))

        ;; digit runs. r: bits i with bits i .. i + k - 1 all set (doubling, then the remainder),
        ;; in straight lines for the usual k = 8 (the shortest SP number)
        (local.set $r (local.get $x))
        (if (i64.eq (local.get $kk) (i64.const 8))
          (then
            (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (i64.const 1))))
            (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (i64.const 2))))
            (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (i64.const 4)))))
          (else
            (local.set $n (i64.const 1))
            (block $doubled
              (loop $double
                (br_if $doubled (i64.gt_u (i64.shl (local.get $n) (i64.const 1)) (local.get $kk)))
                (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (local.get $n))))
                (local.set $n (i64.shl (local.get $n) (i64.const 1)))
                (br $double)))
            (local.set $r (i64.and (local.get $r) (i64.shr_u (local.get $r) (i64.sub (local.get $kk) (local.get $n)))))))
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

        ;; digit runs of UTF-16 text. Digits 2 apart across the step's start (d 0 | d 0, or
        ;; d | 0 d 0): the digit after it.
        (local.set $pw (i64.and (i64.and (local.get $pw) (local.get $x)) (i64.const 3)))
        (if (i64.ne (local.get $pw) (i64.const 0))
          (then
            (if (i32.and (i64.ne (i64.and (local.get $pw) (i64.const 1)) (i64.const 0))
                         (i32.eqz (i32.or (i32.load8_u (i32.sub (local.get $p) (i32.const 1))) (i32.load8_u offset=1 (local.get $p)))))
              (then
                (i32.store (local.get $wd) (i32.sub (local.get $p) (local.get $ptr)))
                (local.set $wd (i32.add (local.get $wd) (i32.const 4)))))
            (if (i32.and (i64.ne (i64.and (local.get $pw) (i64.const 2)) (i64.const 0))
                         (i32.eqz (i32.or (i32.load8_u (local.get $p)) (i32.load8_u offset=2 (local.get $p)))))
              (then
                (i32.store (local.get $wd) (i32.add (i32.sub (local.get $p) (local.get $ptr)) (i32.const 1)))
                (local.set $wd (i32.add (local.get $wd) (i32.const 4)))))))
        (local.set $pw (i64.shr_u (local.get $x) (i64.const 62)))
        ;; Inside the step (only where it has k digits at all): r2, the first bit of k digits 2
        ;; apart; of those, the ones with a zero byte after (fm), each unless one 2 before it is.
        (if (i64.ge_u (i64.popcnt (local.get $x)) (local.get $kk))
          (then
            (local.set $r2 (local.get $x))
            (if (i64.eq (local.get $kk) (i64.const 8))
              (then
                (local.set $r2 (i64.and (local.get $r2) (i64.shr_u (local.get $r2) (i64.const 2))))
                (local.set $r2 (i64.and (local.get $r2) (i64.shr_u (local.get $r2) (i64.const 4))))
                (local.set $r2 (i64.and (local.get $r2) (i64.shr_u (local.get $r2) (i64.const 8)))))
              (else
                (local.set $n (i64.const 1))
                (block $doubled2
                  (loop $double2
                    (br_if $doubled2 (i64.gt_u (i64.shl (local.get $n) (i64.const 1)) (local.get $kk)))
                    (local.set $r2 (i64.and (local.get $r2) (i64.shr_u (local.get $r2) (i64.shl (local.get $n) (i64.const 1)))))
                    (local.set $n (i64.shl (local.get $n) (i64.const 1)))
                    (br $double2)))
                (local.set $r2 (i64.and (local.get $r2) (i64.shr_u (local.get $r2) (i64.shl (i64.sub (local.get $kk) (local.get $n)) (i64.const 1)))))))
            (local.set $fm (i64.const 0))
            (block $wides
              (loop $wide
                (br_if $wides (i64.eqz (local.get $r2)))
                (local.set $t (i64.ctz (local.get $r2)))
                (local.set $q (i32.add (local.get $p) (i32.wrap_i64 (local.get $t))))
                (local.set $r2 (i64.and (local.get $r2) (i64.sub (local.get $r2) (i64.const 1))))
                (br_if $wide (i32.load8_u offset=1 (local.get $q)))
                (local.set $fm (i64.or (local.get $fm) (i64.shl (i64.const 1) (local.get $t))))
                (br_if $wide (i64.ne (i64.and (local.get $fm) (i64.shl (i64.const 1) (i64.sub (local.get $t) (i64.const 2)))) (i64.const 0)))
                (i32.store (local.get $wd) (i32.sub (local.get $q) (local.get $ptr)))
                (local.set $wd (i32.add (local.get $wd) (i32.const 4)))
                (br $wide)))))

        ;; dots with a host byte on both sides (a dot at the edge of its run is trimmed away)
        (block $dots
          (loop $dot
            (br_if $dots (i64.eqz (local.get $dt)))
            (local.set $q (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $dt)))))
            (local.set $dt (i64.and (local.get $dt) (i64.sub (local.get $dt) (i64.const 1))))
            (if (i32.and
                  (i32.ge_u (local.get $q) (local.get $skip))
                  (i32.and
                    (i32.load8_u offset=16 (i32.load8_u offset=0 (i32.sub (local.get $q) (i32.const 1))))
                    (i32.load8_u offset=16 (i32.load8_u offset=1 (local.get $q)))))
              (then (local.set $skip (call $token (local.get $q) (local.get $ptr) (local.get $lo) (local.get $hi))))
              (else
                ;; h 0 . 0 h 0: a dot of UTF-16LE text
                (if (i32.and
                      (i32.and
                        (i32.eqz (i32.or (i32.load8_u offset=0 (i32.sub (local.get $q) (i32.const 1)))
                                         (i32.or (i32.load8_u offset=1 (local.get $q)) (i32.load8_u offset=3 (local.get $q)))))
                        (i32.load8_u offset=16 (i32.load8_u offset=0 (i32.sub (local.get $q) (i32.const 2)))))
                      (i32.load8_u offset=16 (i32.load8_u offset=2 (local.get $q))))
                  (then
                    (i32.store (local.get $w) (i32.sub (local.get $q) (local.get $ptr)))
                    (local.set $w (i32.add (local.get $w) (i32.const 4)))))))
            (br $dot)))

        ;; "://["
        (block $cols
          (loop $col
            (br_if $cols (i64.eqz (local.get $cl)))
            (local.set $q (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $cl)))))
            (local.set $cl (i64.and (local.get $cl) (i64.sub (local.get $cl) (i64.const 1))))
            (if (i32.and
                  (i32.and (i32.eq (i32.load8_u offset=1 (local.get $q)) (i32.const 47))
                           (i32.eq (i32.load8_u offset=2 (local.get $q)) (i32.const 47)))
                  (i32.eq (i32.load8_u offset=3 (local.get $q)) (i32.const 91)))
              (then
                (i32.store (local.get $u) (i32.sub (local.get $q) (local.get $ptr)))
                (local.set $u (i32.add (local.get $u) (i32.const 4)))))
            (br $col)))

        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $next)))
    (i32.store (i32.const 4) (i32.shr_u (i32.sub (local.get $u) (local.get $outUrls)) (i32.const 2)))
    (i32.store (i32.const 12) (i32.shr_u (i32.sub (local.get $w) (local.get $outWide)) (i32.const 2)))
    (i32.store (local.get $outWideDigits) (i32.shr_u (i32.sub (local.get $wd) (i32.add (local.get $outWideDigits) (i32.const 4))) (i32.const 2)))
    (i32.shr_u (i32.sub (local.get $o) (local.get $outRuns)) (i32.const 2)))

  ;; DEX string data (src/extract/string-scan.ts), on a DEX in this memory from `base`: its
  ;; string_ids, n u32 offsets from address `ids`. An offset is readable when headerSize <= off <
  ;; limit (unsigned).
  ;;
  ;; span(ids, n, headerSize, limit, out) -> how many are readable; the lowest at out, the highest
  ;; at out + 4 (0x7fffffff and -1 when none).
  (func (export "span") (param $ids i32) (param $n i32) (param $hs i32) (param $limit i32) (param $out i32) (result i32)
    (local $end i32) (local $off i32) (local $lo i32) (local $max i32) (local $count i32)
    (local.set $lo (i32.const 0x7fffffff))
    (local.set $max (i32.const -1))
    (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $ids) (local.get $end)))
        (local.set $off (i32.load (local.get $ids)))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (br_if $l (i32.lt_u (local.get $off) (local.get $hs)))
        (br_if $l (i32.ge_u (local.get $off) (local.get $limit)))
        (if (i32.lt_u (local.get $off) (local.get $lo)) (then (local.set $lo (local.get $off))))
        (if (i32.gt_s (local.get $off) (local.get $max)) (then (local.set $max (local.get $off))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (br $l)))
    (i32.store (local.get $out) (local.get $lo))
    (i32.store offset=4 (local.get $out) (local.get $max))
    (local.get $count))

  ;; prefixes(base, ids, n, headerSize, limit, hi, save, saved, cap) -> the new count of saved
  ;; bytes, or -1 when `cap` was reached (then every saved byte is back). For each readable
  ;; string, the last byte of its uleb128 length (after up to five continuation bytes, before
  ;; `hi`) is zeroed when it is in 0x21-0x7e, and saved as one i32 at save + 4 * saved: its
  ;; offset from base times 128 plus the byte (offsets are under 2^25: the DEX is in a slot).
  ;; A byte already zeroed is not saved again.
  (func (export "prefixes") (param $base i32) (param $ids i32) (param $n i32) (param $hs i32) (param $limit i32)
    (param $hi i32) (param $save i32) (param $saved i32) (param $cap i32) (result i32)
    (local $end i32) (local $off i32) (local $j i32) (local $stop i32) (local $b i32)
    (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $ids) (local.get $end)))
        (local.set $off (i32.load (local.get $ids)))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (br_if $l (i32.lt_u (local.get $off) (local.get $hs)))
        (br_if $l (i32.ge_u (local.get $off) (local.get $limit)))
        (local.set $j (local.get $off))
        (local.set $stop (i32.add (local.get $off) (i32.const 5)))
        (if (i32.gt_u (local.get $stop) (local.get $hi)) (then (local.set $stop (local.get $hi))))
        (block $s
          (loop $c
            (br_if $s (i32.ge_u (local.get $j) (local.get $stop)))
            (br_if $s (i32.eqz (i32.and (i32.load8_u (i32.add (local.get $base) (local.get $j))) (i32.const 0x80))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $c)))
        (br_if $l (i32.ge_u (local.get $j) (local.get $hi)))
        (local.set $b (i32.load8_u (i32.add (local.get $base) (local.get $j))))
        (br_if $l (i32.ge_u (i32.sub (local.get $b) (i32.const 0x21)) (i32.const 0x5e)))
        (if (i32.eq (local.get $saved) (local.get $cap))
          (then
            (call $restore (local.get $base) (local.get $save) (local.get $saved))
            (return (i32.const -1))))
        (i32.store (i32.add (local.get $save) (i32.shl (local.get $saved) (i32.const 2)))
          (i32.or (i32.shl (local.get $j) (i32.const 7)) (local.get $b)))
        (local.set $saved (i32.add (local.get $saved) (i32.const 1)))
        (i32.store8 (i32.add (local.get $base) (local.get $j)) (i32.const 0))
        (br $l)))
    (local.get $saved))

  ;; restore(base, save, saved): puts the saved bytes back.
  (func $restore (export "restore") (param $base i32) (param $save i32) (param $saved i32)
    (local $end i32) (local $v i32)
    (local.set $end (i32.add (local.get $save) (i32.shl (local.get $saved) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $save) (local.get $end)))
        (local.set $v (i32.load (local.get $save)))
        (i32.store8 (i32.add (local.get $base) (i32.shr_u (local.get $v) (i32.const 7))) (i32.and (local.get $v) (i32.const 0x7f)))
        (local.set $save (i32.add (local.get $save) (i32.const 4)))
        (br $l))))
)
