#include "BuildInfo.h"

// Package.swift defines AGENTCTL_COMMIT from the environment variable of that name (scripts/install sets it).
#ifndef AGENTCTL_COMMIT
#define AGENTCTL_COMMIT ""
#endif

const char *agentctl_build_commit(void) { return AGENTCTL_COMMIT; }
