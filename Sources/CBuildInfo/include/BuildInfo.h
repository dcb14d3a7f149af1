/// The Git commit agentctl was built from, or "" when the build was not given one (a plain `swift build`).
const char *agentctl_build_commit(void);
