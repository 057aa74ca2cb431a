using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud</c>: settings of the cloud host itself.</summary>
public sealed class CloudOptions
{
    public const string Section = "SmartHome:Cloud";
    public const int MinAdminKeyLength = 16;

    /// <summary>The operator's bearer key for the admin API.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:Cloud:AdminKey is required: set the operator's bearer key (at least 16 characters)")]
    [MinLength(MinAdminKeyLength, ErrorMessage = "SmartHome:Cloud:AdminKey is too short: it needs at least 16 characters")]
    [RegularExpression("^(?!shp_|shh_).*$", ErrorMessage = "SmartHome:Cloud:AdminKey must not start with shp_ or shh_: bearer tokens with those prefixes are read as partner keys and householder tokens")]
    public string AdminKey { get; set; } = string.Empty;
}
