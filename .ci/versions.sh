# Versions the CI scripts install from npm; sourced by them.
# Node 22, the runtime package.json asks for (engines); this machine's node is 20.
NODE22=22.23.5
