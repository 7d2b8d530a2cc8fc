/** Cluster DNS (CoreDNS `kubernetes` plugin) and per-pod resolv.conf. Built by the DNS work. */
export {};
