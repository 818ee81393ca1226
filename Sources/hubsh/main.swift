print("hubsh")
