using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stayfull.Domain.Integrations;

public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
