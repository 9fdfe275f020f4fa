"""socprev_kit/evaluation"""
