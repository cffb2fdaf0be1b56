def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average  # hand out the average, wait for the next value
        total += value
        count += 1
        average = total / count


coro = averager()
print("next() ->", next(coro))  # prime: run to the first yield
print("send(10) ->", coro.send(10))
print("send(30) ->", coro.send(30))
print("send(5) ->", coro.send(5))
