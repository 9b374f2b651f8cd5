#!/usr/bin/python3
"""The PyTorch reference for bench/data_parallel: the demo CNN of bench/train wrapped in
DistributedDataParallel over Gloo, two processes started with torch.multiprocessing, each rank taking every N-th sample of
the epoch's permutation with the batch size per rank, timed like trainbench-train (samples/s
of all ranks per log window, first epoch excluded). Rank 0 prints the mean rate and the time
of one all-reduce of the model's gradients (all parameters, float32) in milliseconds."""
import argparse
import math
import os
import socket
import sys
import time

import torch
import torch.distributed as dist
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train"))
from train_reference import Cnn  # noqa: E402


def worker(rank, world, port, args):
    torch.set_num_threads(1)
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank,
                            world_size=world)
    torch.manual_seed(0)
    shape, classes = (1, 28, 28), 10
    train = int(args.samples * 0.9)
    inputs = torch.randn(train, *shape)
    labels = torch.randint(0, classes, (train,))
    model = torch.nn.parallel.DistributedDataParallel(Cnn([32, 64], 128, classes, shape))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    shard = train // world
    steps_per_epoch = math.ceil(shard / args.batch)
    total = steps_per_epoch * args.epochs
    step, rates = 0, []
    for epoch in range(args.epochs):
        generator = torch.Generator().manual_seed(epoch)
        order = torch.randperm(train, generator=generator)[: shard * world].view(shard, world)[:, rank]
        seen, window = 0, time.perf_counter()
        for b in range(steps_per_epoch):
            index = order[b * args.batch:(b + 1) * args.batch]
            x, y = inputs.index_select(0, index), labels.index_select(0, index)
            for group in optimizer.param_groups:
                group["lr"] = 1e-3 * 0.5 * (1 + math.cos(math.pi * step / total))
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            step += 1
            seen += len(y) * world
            if step % 20 == 0:
                now = time.perf_counter()
                if epoch > 0:
                    rates.append(seen / (now - window))
                seen, window = 0, now
    gradients = torch.zeros(sum(p.numel() for p in model.parameters()))
    dist.barrier()
    start = time.perf_counter()
    for _ in range(50):
        dist.all_reduce(gradients)
    allreduce_ms = (time.perf_counter() - start) / 50 * 1000
    if rank == 0:
        print(f"{sum(rates) / len(rates):.1f} {allreduce_ms:.3f} {gradients.numel()}")
    dist.destroy_process_group()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=6000)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--ranks", type=int, default=2)
    args = parser.parse_args()
    with socket.socket() as probe:  # a free port on loopback for the rendezvous
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    torch.multiprocessing.spawn(worker, args=(args.ranks, port, args), nprocs=args.ranks)


if __name__ == "__main__":
    main()
