def printer():
    print("printer: ready")
    while True:
        line = yield  # hands out None; only receives
        print("printer got:", line)


p = printer()
print("next() returned", next(p))
print("send('hello') returned", p.send("hello"))
print("send('world') returned", p.send("world"))
p.close()
