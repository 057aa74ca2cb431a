namespace SmartHome.Cloud.Auth;

/// <summary>Who a bearer token speaks for.</summary>
public static class CloudRoles
{
    public const string Admin = "admin";
    public const string Partner = "partner";
    public const string Householder = "householder";
}

/// <summary>Claims that tie a token to its partner or household.</summary>
public static class CloudClaims
{
    public const string PartnerId = "shg:partner_id";
    public const string HouseholdId = "shg:household_id";
}

/// <summary>Authorization policies, one per role; each API group requires one.</summary>
public static class CloudPolicies
{
    public const string Admin = "shg-admin";
    public const string Partner = "shg-partner";
    public const string Householder = "shg-householder";
}
