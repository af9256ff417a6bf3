#!/usr/bin/env python3
"""Sums `jfr print --events jdk.ExecutionSample` output by what each sampled stack was doing.

A sample counts for the category of its innermost frame that belongs to one: a BigInteger
multiplication under a signature is RSA signing, a socket read under the PostgreSQL driver is
JDBC, a HashMap lookup under Weld is CDI. Frames of the JDK's general classes (collections,
reflection, I/O) are passed over on the way down the stack.
"""
import re
import sys
from collections import Counter

CATEGORIES = [
    ("RSA signing", ("sun.security.rsa", "java.math.BigInteger", "java.math.MutableBigInteger", "sun.security.ec", "sun.security.util.math")),
    ("AES-GCM and hashing", ("com.sun.crypto.provider", "sun.security.provider.SHA", "sun.security.provider.DigestBase", "java.security.MessageDigest", "java.security.SecureRandom", "sun.security.provider.NativePRNG", "sun.security.provider.SecureRandom")),
    ("JSON and JWT building", ("org.eclipse.parsson", "org.glassfish.json", "jakarta.json", "org.jose4j", "org.eclipse.yasson", "com.ibm.ws.jsonp", "io.smallrye.jwt")),
    ("JPA/Hibernate and JDBC", ("org.hibernate", "org.postgresql", "com.ibm.ws.rsadapter", "com.ibm.ws.jdbc", "com.ibm.ejs.j2c", "com.ibm.ws.jca", "jakarta.persistence", "com.ibm.ws.tx", "com.ibm.tx", "com.ibm.ws.Transaction", "dev.baton.persistence")),
    ("metrics and logging", ("io.smallrye.metrics", "com.ibm.ws.microprofile.metrics", "java.util.logging", "com.ibm.ws.logging", "com.ibm.websphere.ras", "com.ibm.ws.ras")),
    ("CDI and interceptors", ("org.jboss.weld", "com.ibm.ws.cdi", "jakarta.interceptor", "jakarta.enterprise")),
    ("HTTP and JAX-RS", ("org.jboss.resteasy", "com.ibm.ws.jaxrs", "com.ibm.ws.http", "com.ibm.ws.webcontainer", "com.ibm.ws.tcpchannel", "com.ibm.io.async", "com.ibm.ws.channel", "com.ibm.wsspi.http", "io.netty", "com.ibm.ws.threading", "com.ibm.ws.session")),
    ("Baton's own code", ("dev.baton",)),
    ("JDK and other", ("",)),
]

def categorise(frames):
    for frame in frames:  # innermost first, as jfr prints them
        for name, prefixes in CATEGORIES[:-1]:
            if any(frame.startswith(p) for p in prefixes):
                return name
    return CATEGORIES[-1][0]


def thread_group(name):
    if "Compiler" in name:
        return "JIT compiler threads"
    if "GC" in name or "G1" in name or "Conc" in name:
        return "GC threads"
    return "application and server threads"


def main():
    counts = Counter()
    total = 0
    frames = []
    thread_load = {}  # thread -> [sum of user+system fraction, samples]
    gc_pause_ms = [0.0, 0]  # total pause, collections
    current_thread = None
    load = 0.0
    in_thread_load = False
    for line in sys.stdin:
        line = line.strip()
        if line.startswith("jdk.ThreadCPULoad"):
            in_thread_load, load, current_thread = True, 0.0, None
            continue
        if in_thread_load:
            value = re.match(r"^(user|system) = ([\d.]+)%", line)
            if value:
                load += float(value.group(2)) / 100
            thread = re.match(r'^eventThread = "(.*)"', line)
            if thread:
                current_thread = thread.group(1)
            if line == "}":
                if current_thread is not None:
                    entry = thread_load.setdefault(current_thread, [0.0, 0])
                    entry[0] += load
                    entry[1] += 1
                in_thread_load = False
            continue
        if line.startswith("jdk.ExecutionSample"):
            frames = []
            continue
        pauses = re.match(r"^sumOfPauses = ([\d.]+) (ms|s|us)", line)
        if pauses:
            unit = {"ms": 1.0, "s": 1000.0, "us": 0.001}[pauses.group(2)]
            gc_pause_ms[0] += float(pauses.group(1)) * unit
            gc_pause_ms[1] += 1
        match = re.match(r"^([\w$.]+)\.[\w$<>]+\(", line)
        if match:
            frames.append(match.group(1))
        if line == "}" and frames:
            total += 1
            counts[categorise(frames)] += 1
            frames = []
    print(f"{total} CPU samples (jdk.ExecutionSample); JIT and GC run in their own threads, not sampled here")
    for name, _ in CATEGORIES:
        print(f"  {name:26s} {counts[name]:6d}  {100.0 * counts[name] / max(total, 1):5.1f}%")
    print(f"GC: {gc_pause_ms[1]} collections, {gc_pause_ms[0]:.0f} ms of pauses in all")
    groups = Counter()
    for thread, (summed, samples) in thread_load.items():
        groups[thread_group(thread)] += summed / samples
    if groups:
        whole = sum(groups.values())
        print("the process's thread CPU by thread group (jdk.ThreadCPULoad):")
        for name, value in groups.most_common():
            print(f"  {name:32s} {100.0 * value / whole:5.1f}%")

main()
