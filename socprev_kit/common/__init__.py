"""socprev_kit/common"""
