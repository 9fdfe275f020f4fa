"""socprev_kit/data"""
