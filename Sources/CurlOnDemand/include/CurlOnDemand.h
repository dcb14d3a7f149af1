/// The libcurl agentctl opens at its first request (`dlopen`), so that a command that sends none never loads it.
#define AGENTCTL_LIBCURL "libcurl.so.4"
