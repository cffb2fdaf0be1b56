import * as asyncio from "asyncio";

class AsyncAdd {
  constructor(
    readonly a: number,
    readonly b: number,
  ) {}

  // Python's async def __aenter__ is a generator method named aenter.
  *aenter(): asyncio.Coroutine<number> {
    yield* asyncio.sleep(1.0);
    // aenter가 반환한 값이 본문 함수의 인자(as의 변수)로 들어감
    // (what aenter returns becomes the block function's argument: Python's as variable)
    return this.a + this.b;
  }

  *aexit(_excType: unknown, _excValue: unknown, _traceback: unknown): asyncio.Coroutine<void> {
    // pass
  }
}

function* main(): asyncio.Coroutine<void> {
  // `async with AsyncAdd(1, 2) as result:` becomes asyncWith(instance, body);
  // the body is a coroutine that receives what aenter() returned.
  yield* asyncio.asyncWith(new AsyncAdd(1, 2), function* (result) {
    console.log(result); // 3
  });
}

await asyncio.run(main());
