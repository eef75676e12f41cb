print("losslab")
