// libcurl, loaded at the first request rather than at start-up: FoundationNetworking calls these functions, and
// loading libcurl with the thirty libraries it needs is most of the start-up of a command that sends none (validate).
#include "CurlOnDemand.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

// libcurl's types as its ABI has them, without its headers (whose const-ness differs between versions): every
// handle and list is a pointer, every code, option and part an int-sized enum, a socket an int.
typedef int CURLcode, CURLMcode, CURLUcode, CURLversion, CURLoption, CURLINFO, CURLMoption, CURLUPart, curl_socket_t;
typedef void CURL, CURLM, CURLU, CURLMsg, curl_version_info_data;
struct curl_slist;

// An option's value (a long, a pointer or a 64-bit curl_off_t) is passed on as one machine word.
_Static_assert(sizeof(void *) == 8 && sizeof(long) == 8, "a 64-bit platform");

static struct {
    CURLcode (*global_init)(long);
    char *(*version)(void);
    curl_version_info_data *(*version_info)(CURLversion);
    void (*free)(void *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLcode (*easy_pause)(CURL *, int);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_assign)(CURLM *, curl_socket_t, void *);
    CURLMcode (*multi_socket_action)(CURLM *, curl_socket_t, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLU *(*url)(void);
    CURLUcode (*url_get)(const CURLU *, CURLUPart, char **, unsigned int);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
} curl;

static void *library;
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void *symbol(const char *name) {
    void *found = dlsym(library, name);
    if (found == NULL) {
        fprintf(stderr, "agentctl: error: the libcurl found has no %s; install libcurl 7.62 or later\n", name);
        exit(2);
    }
    return found;
}

static void load(void) {
    library = dlopen(AGENTCTL_LIBCURL, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "agentctl: error: cannot load libcurl, which the commands that reach the API need: %s\n", dlerror());
        exit(2);
    }
    curl.global_init = symbol("curl_global_init");
    curl.version = symbol("curl_version");
    curl.version_info = symbol("curl_version_info");
    curl.free = symbol("curl_free");
    curl.slist_append = symbol("curl_slist_append");
    curl.slist_free_all = symbol("curl_slist_free_all");
    curl.easy_init = symbol("curl_easy_init");
    curl.easy_setopt = symbol("curl_easy_setopt");
    curl.easy_getinfo = symbol("curl_easy_getinfo");
    curl.easy_pause = symbol("curl_easy_pause");
    curl.easy_cleanup = symbol("curl_easy_cleanup");
    curl.easy_strerror = symbol("curl_easy_strerror");
    curl.multi_init = symbol("curl_multi_init");
    curl.multi_setopt = symbol("curl_multi_setopt");
    curl.multi_add_handle = symbol("curl_multi_add_handle");
    curl.multi_remove_handle = symbol("curl_multi_remove_handle");
    curl.multi_assign = symbol("curl_multi_assign");
    curl.multi_socket_action = symbol("curl_multi_socket_action");
    curl.multi_info_read = symbol("curl_multi_info_read");
    curl.multi_cleanup = symbol("curl_multi_cleanup");
    curl.url = symbol("curl_url");
    curl.url_get = symbol("curl_url_get");
    curl.url_set = symbol("curl_url_set");
}

#define LOADED (pthread_once(&loaded, load), &curl)

CURLcode curl_global_init(long flags) { return LOADED->global_init(flags); }
char *curl_version(void) { return LOADED->version(); }
curl_version_info_data *curl_version_info(CURLversion age) { return LOADED->version_info(age); }
void curl_free(void *pointer) { LOADED->free(pointer); }
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) { return LOADED->slist_append(list, text); }
void curl_slist_free_all(struct curl_slist *list) { LOADED->slist_free_all(list); }
CURL *curl_easy_init(void) { return LOADED->easy_init(); }
CURLcode curl_easy_pause(CURL *handle, int bitmask) { return LOADED->easy_pause(handle, bitmask); }
void curl_easy_cleanup(CURL *handle) { LOADED->easy_cleanup(handle); }
const char *curl_easy_strerror(CURLcode code) { return LOADED->easy_strerror(code); }
CURLM *curl_multi_init(void) { return LOADED->multi_init(); }
CURLMcode curl_multi_add_handle(CURLM *multi, CURL *handle) { return LOADED->multi_add_handle(multi, handle); }
CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *handle) { return LOADED->multi_remove_handle(multi, handle); }
CURLMcode curl_multi_assign(CURLM *multi, curl_socket_t socket, void *pointer) { return LOADED->multi_assign(multi, socket, pointer); }
CURLMcode curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int mask, int *running) {
    return LOADED->multi_socket_action(multi, socket, mask, running);
}
CURLMsg *curl_multi_info_read(CURLM *multi, int *queued) { return LOADED->multi_info_read(multi, queued); }
CURLMcode curl_multi_cleanup(CURLM *multi) { return LOADED->multi_cleanup(multi); }
CURLU *curl_url(void) { return LOADED->url(); }
CURLUcode curl_url_get(const CURLU *url, CURLUPart part, char **text, unsigned int flags) { return LOADED->url_get(url, part, text, flags); }
CURLUcode curl_url_set(CURLU *url, CURLUPart part, const char *text, unsigned int flags) { return LOADED->url_set(url, part, text, flags); }

// The one argument after `last`, which the variadic setters and getters take: a long, a pointer or a curl_off_t.
#define ONE_VALUE(last) ({ va_list values; va_start(values, last); void *value = va_arg(values, void *); va_end(values); value; })

CURLcode curl_easy_setopt(CURL *handle, CURLoption option, ...) { return LOADED->easy_setopt(handle, option, ONE_VALUE(option)); }
CURLcode curl_easy_getinfo(CURL *handle, CURLINFO info, ...) { return LOADED->easy_getinfo(handle, info, ONE_VALUE(info)); }
CURLMcode curl_multi_setopt(CURLM *multi, CURLMoption option, ...) { return LOADED->multi_setopt(multi, option, ONE_VALUE(option)); }
