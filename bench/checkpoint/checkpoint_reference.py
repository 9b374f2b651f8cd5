#!/usr/bin/python3
"""torch.save / torch.load of a CIFAR ResNet's model + Adam state, the reference for
bench_checkpoint. Prints: bytes save_ms load_ms."""
import os
import sys
import tempfile
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(y + (self.shortcut(x) if self.shortcut is not None else x))


def resnet(depth, classes=10):
    n = (depth - 2) // 6
    layers, c = [nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU()], 16
    for stage, width in enumerate((16, 32, 64)):
        for b in range(n):
            layers.append(Block(c, width, 2 if stage > 0 and b == 0 else 1))
            c = width
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, classes)]
    return nn.Sequential(*layers)


def main():
    depth = int(sys.argv[1]) if len(sys.argv) > 1 else 56
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    torch.set_num_threads(2)
    model = resnet(depth)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model(torch.randn(4, 3, 32, 32)).sum().backward()
    optimizer.step()
    path = os.path.join(tempfile.mkdtemp(), "ckpt.pt")
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(),
             "rng": torch.get_rng_state()}
    start = time.perf_counter()
    for _ in range(repeats):
        torch.save(state, path)
    save_ms = (time.perf_counter() - start) / repeats * 1000
    start = time.perf_counter()
    for _ in range(repeats):
        loaded = torch.load(path)
        model.load_state_dict(loaded["model"])
        optimizer.load_state_dict(loaded["optimizer"])
    load_ms = (time.perf_counter() - start) / repeats * 1000
    print(f"{os.path.getsize(path)} {save_ms:.2f} {load_ms:.2f}")
    os.remove(path)


if __name__ == "__main__":
    main()
