"""socprev_kit/data/formats"""
