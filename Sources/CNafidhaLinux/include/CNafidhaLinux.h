#ifndef NAFIDHA_C_LINUX_H
#define NAFIDHA_C_LINUX_H
// Placeholder until the epoll/eventfd shim lands.
#endif
