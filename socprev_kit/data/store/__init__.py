"""socprev_kit/data/store"""
