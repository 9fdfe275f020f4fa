"""socprev_kit/indicators"""
