print("agentctl-emulator")
