#pragma once
// A small config that trains in seconds and uses every source of randomness (dropout, shuffle).

#include <QByteArray>

namespace tbtest {

inline QByteArray quickConfig(int epochs) {
    return QByteArray(R"(name: quick
seed: 7
data:
  kind: synthetic
  batch_size: 32
  synthetic: {samples: 3000, classes: 6, shape: [1, 20, 20]}
model:
  kind: mlp
  hidden: [256, 64]
  dropout: 0.3
optim:
  kind: adamw
  lr: 0.002
  weight_decay: 0.01
schedule:
  kind: cosine
  warmup_steps: 30
train:
  epochs: )") + QByteArray::number(epochs) + R"(
  log_every: 5
  checkpoint_every: 1
  keep_checkpoints: 50
  threads: 1
  deterministic: true
)";
}

}  // namespace tbtest
