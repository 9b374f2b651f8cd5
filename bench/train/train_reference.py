#!/usr/bin/python3
"""The PyTorch reference for bench/train: the same CNN, data layout, optimizer, schedule and
batch loop as trainbench-train's demo config, timed the same way (samples/s per log window,
first epoch excluded as warm-up)."""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Cnn(nn.Module):
    def __init__(self, channels, hidden, classes, shape):
        super().__init__()
        convs, c, h, w = [], shape[0], shape[1], shape[2]
        for out in channels:
            convs.append(nn.Conv2d(c, out, 3, padding=1))
            c, h, w = out, max(1, h // 2), max(1, w // 2)
        self.convs = nn.ModuleList(convs)
        self.fc = nn.Linear(c * h * w, hidden)
        self.head = nn.Linear(hidden, classes)

    def forward(self, x):
        for conv in self.convs:
            x = F.max_pool2d(F.relu(conv(x)), 2)
        return self.head(F.relu(self.fc(x.flatten(1))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--samples", type=int, default=6000)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    shape, classes = (1, 28, 28), 10
    train = int(args.samples * 0.9)
    inputs = torch.randn(train, *shape)
    labels = torch.randint(0, classes, (train,))
    model = Cnn([32, 64], 128, classes, shape)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    steps_per_epoch = math.ceil(train / args.batch)
    total = steps_per_epoch * args.epochs
    step, rates = 0, []
    for epoch in range(args.epochs):
        order = torch.randperm(train)
        loss_sum = torch.zeros((), dtype=torch.float64)
        correct = torch.zeros((), dtype=torch.float64)
        seen, window = 0, time.perf_counter()
        for b in range(steps_per_epoch):
            index = order[b * args.batch:(b + 1) * args.batch]
            x, y = inputs.index_select(0, index), labels.index_select(0, index)
            for group in optimizer.param_groups:
                group["lr"] = 1e-3 * 0.5 * (1 + math.cos(math.pi * step / total))
            optimizer.zero_grad()
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()
            step += 1
            with torch.no_grad():
                loss_sum += loss.detach().double() * len(y)
                correct += logits.argmax(1).eq(y).sum().double()
            seen += len(y)
            if step % 20 == 0:
                now = time.perf_counter()
                _ = loss_sum.item() / seen, correct.item() / seen
                if epoch > 0:
                    rates.append(seen / (now - window))
                loss_sum.zero_(), correct.zero_()
                seen, window = 0, now
    print(f"{sum(rates) / len(rates):.1f}")


if __name__ == "__main__":
    main()
