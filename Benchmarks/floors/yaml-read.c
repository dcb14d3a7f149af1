/* The read floor for `agentctl validate`: reads each file whole and runs libyaml's parser over it event by event,
 * and does nothing else. Files are shared among THREADS threads (default: the online cores), as validate does.
 * Usage: yaml-read [-j THREADS] FILE...   Prints the files and events read; exits 1 if a file does not parse. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

static char **files;
static int file_count;
static atomic_int next_file;
static atomic_long events_read;
static atomic_int failures;

static void read_one(const char *path) {
    FILE *handle = fopen(path, "rb");
    if (!handle) { atomic_fetch_add(&failures, 1); return; }
    fseek(handle, 0, SEEK_END);
    long size = ftell(handle);
    fseek(handle, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    size_t got = fread(bytes, 1, size, handle);
    fclose(handle);
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, got);
    long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) { atomic_fetch_add(&failures, 1); break; }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(bytes);
    atomic_fetch_add(&events_read, events);
}

static void *worker(void *unused) {
    (void)unused;
    for (int index; (index = atomic_fetch_add(&next_file, 1)) < file_count;) read_one(files[index]);
    return NULL;
}

int main(int argc, char **argv) {
    int threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-j") == 0) { threads = atoi(argv[2]); first = 3; }
    if (threads < 1) threads = 1;
    files = argv + first;
    file_count = argc - first;
    pthread_t pool[64];
    if (threads > 64) threads = 64;
    for (int t = 1; t < threads; t++) pthread_create(&pool[t], NULL, worker, NULL);
    worker(NULL);
    for (int t = 1; t < threads; t++) pthread_join(pool[t], NULL);
    printf("%d files, %ld events, %d threads\n", file_count, atomic_load(&events_read), threads);
    return atomic_load(&failures) ? 1 : 0;
}
