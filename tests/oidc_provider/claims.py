def userinfo(claims, user):
    """The claims a department's provider sends: who the person is and their (verified) work address."""
    claims["name"] = f"{user.first_name} {user.last_name}".strip()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    claims["email_verified"] = True
    return claims
