"""Reference for bench/gpu/gpu_check.sh: the trainer's ResNet-20 (core/train/models.cpp) and
training loop written in python torch, on the same generated 3x32x32 data, batch 128, SGD with
Nesterov momentum. Prints the steady training rate in samples/s on cuda (cpu when absent).
Usage: resnet_reference.py [STEPS]"""
import os
import sys
import time

import torch
from torch.nn import functional as F

# The CIFAR ResNet of core/train/models.cpp, as bench/checkpoint's reference writes it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "checkpoint"))
from checkpoint_reference import resnet  # noqa: E402


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(0)
    data = torch.randn(50000, 3, 32, 32)
    labels = torch.randint(0, 10, (50000,))
    model = resnet(20).to(device)
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
