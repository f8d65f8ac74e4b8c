# What the program prints for the person running it (terminal, journald, docker logs).

