"""Demonstration data: real-sounding bodies, people for every role, and three initiatives' stories.

Each story (tell_us_once, cost_of_living, identity_platform) holds its records as plain data in
one place; the `demo.py` of each governance domain turns a story's data into records through
that domain's services. People are named by their key in the cast, bodies by short name.
"""
