namespace QqConnect.Snippets;

// docs/configuration.md, the body of the mobile login endpoint (a type cannot sit in a method's region).
#region configuration-named-clients-body
record MobileLogin(string AccessToken, string OpenId);
#endregion
