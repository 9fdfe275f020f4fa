"""socprev_kit/validation"""
