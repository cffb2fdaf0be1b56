export {};

function* printer(): Generator<undefined, void, string> {
  console.log("printer: ready");
  while (true) {
    const line = yield; // hands out undefined (Python's None); only receives
    console.log("printer got:", line);
  }
}

// What a bare yield hands out is undefined; Python shows it as None.
const show = (x: unknown): string => (x === undefined ? "None" : String(x));

const p = printer();
console.log("next() returned", show(p.next().value));
console.log("send('hello') returned", show(p.next("hello").value)); // send(v) is next(v)
console.log("send('world') returned", show(p.next("world").value));
// Python's p.close() throws GeneratorExit in; nothing here catches it, so it simply
// ends the generator. JavaScript's return() ends it just as quietly in this case
// (where the two differ is shown in the throw-and-close example).
p.return();
