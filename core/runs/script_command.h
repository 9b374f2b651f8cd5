#pragma once
// The user's own command line as a run: `python train.py --lr {optim.lr}` with every
// {key.path} placeholder replaced by the config value, quoted for the shell.

#include <string>
#include <string_view>

#include "core/config/schema.h"
#include "core/protocol/result.h"

namespace tb {

// Replaces each `{key.path}` with the config value, quoted for the spot it sits in (bare, in
// '...' or in "..."), so the value reaches the program verbatim and is never run by the shell.
// `${VAR}` is shell and left alone; `{{key.path}}` is a literal `{key.path}`; other braces are
// text. An unknown key is an error naming it, its position and the closest key.
Result<std::string> fillCommandTemplate(std::string_view text, const ConfigValues& values);

}  // namespace tb
