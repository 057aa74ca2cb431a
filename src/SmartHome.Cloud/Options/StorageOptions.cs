using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:Storage</c>: where households, events and the delivery outbox live.</summary>
public sealed class StorageOptions
{
    public const string Section = "SmartHome:Cloud:Storage";
    public const string Sqlite = "Sqlite";

    /// <summary>The store provider; this build carries <c>Sqlite</c> (the storage layer is portable ADO.NET, PostgreSQL comes next).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:Cloud:Storage:Provider must not be empty (use 'Sqlite')")]
    public string Provider { get; set; } = Sqlite;

    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:Cloud:Storage:ConnectionString must not be empty")]
    public string ConnectionString { get; set; } = "Data Source=smarthome.db";
}
