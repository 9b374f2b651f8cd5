"""Reference for bench/gpu/gpu_check.sh: the trainer's ResNet-20 (core/train/models.cpp) and
training loop written in python torch, on the same generated 3x32x32 data, batch 128, SGD with
Nesterov momentum. Prints the steady training rate in samples/s on cuda (cpu when absent).
Usage: resnet_reference.py [STEPS]"""
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = None
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False),
                                       nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.short is None else self.short(x)))


class ResNet20(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.stem_bn = nn.BatchNorm2d(16)
        blocks, cin = [], 16
        for stage, width in enumerate((16, 32, 64)):
            for b in range(3):
                blocks.append(Block(cin, width, 2 if stage > 0 and b == 0 else 1))
                cin = width
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Linear(64, 10)

    def forward(self, x):
        x = self.blocks(F.relu(self.stem_bn(self.stem(x))))
        return self.head(F.adaptive_avg_pool2d(x, 1).flatten(1))


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(0)
    data = torch.randn(50000, 3, 32, 32)
    labels = torch.randint(0, 10, (50000,))
    model = ResNet20().to(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True,
                          weight_decay=0.0005)
    batch, step, warm, started = 128, 0, min(100, steps // 4), None
    while step < steps:
        order = torch.randperm(len(data))
        for i in range(0, len(data) - batch + 1, batch):
            if step == warm:
                if device.type == "cuda":
                    torch.cuda.synchronize()
                started = time.perf_counter()
            idx = order[i:i + batch]
            x, y = data[idx].to(device), labels[idx].to(device)
            loss = F.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            if step >= steps:
                break
    if device.type == "cuda":
        torch.cuda.synchronize()
    rate = (steps - warm) * batch / (time.perf_counter() - started)
    print(f"gpu_check: python torch {torch.__version__} reference on {device}: {rate:.0f} samples/s")


if __name__ == "__main__":
    main()
