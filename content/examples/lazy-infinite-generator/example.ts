export {};

/** 0, 1, 2, … one at a time: there is no end. */
function* naturals(): Generator<number, never> {
  let n = 0;
  while (true) {
    yield n;
    n += 1;
  }
}

/** itertools.islice(it, count): the first `count` values, pulled one by one. */
function* islice<T>(it: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const step = it.next();
    if (step.done) return;
    yield step.value;
  }
}

// Python's f"{n:,}" puts commas between thousands; toLocaleString("en-US") does too.
const commas = (n: number): string => n.toLocaleString("en-US");

console.log(`first 5: [${[...islice(naturals(), 5)].join(", ")}]`);

// A million values pass through, but only one exists at any moment.
let total = 0;
for (const n of islice(naturals(), 10 ** 6)) total += n;
console.log(`sum of the first 1,000,000: ${commas(total)}`);

// A list of the first 10**12 naturals would have to hold them all at once. Count, don't allocate:
// on 64-bit CPython 3.11 a list slot is 8 bytes, and an int from 2**30 up to 10**12
// (all but a thousandth of these) is a 32-byte object.
const count = 10 ** 12;
const perInt = 32; // sys.getsizeof(10**12 - 1) on 64-bit CPython 3.11; JavaScript has no such call
console.log(`an int just below 10**12 takes ${perInt} bytes`);
const needed = count * (8 + perInt); // 4e13 < 2**53: still exact in a JS number
console.log(`a list of 10**12 ints would need about ${commas(needed)} bytes (${(needed / 2 ** 40).toFixed(1)} TiB)`);
