import asyncio
import types


@types.coroutine
def generator_style(seconds):  # the older form: a generator-based coroutine
    print("  generator_style: body starts")
    yield from asyncio.sleep(seconds)
    return "generator_style done"


async def native_style(seconds):  # the same coroutine, written with async/await
    print("  native_style: body starts")
    await asyncio.sleep(seconds)
    return "native_style done"


async def main():
    loop = asyncio.get_running_loop()
    coro = native_style(1)  # calling runs nothing: it only creates a coroutine
    gen = generator_style(1)  # the same for the generator form
    print("both created, nothing printed by them yet")
    print(f"{loop.time():.1f} awaiting native_style")
    result = await coro
    print(f"{loop.time():.1f} {result}")
    print(f"{loop.time():.1f} awaiting generator_style")
    result = await gen
    print(f"{loop.time():.1f} {result}")


asyncio.run(main())
