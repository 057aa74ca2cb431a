using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using SmartHome.Cloud.Dashboard;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Dashboard;

/// <summary>The householder dashboard's static files as the cloud host serves them at <c>/</c>.</summary>
public sealed partial class DashboardServingTests(DashboardServingTests.Fixture fixture) : IClassFixture<DashboardServingTests.Fixture>
{
    /// <summary>The only absolute URL the files may hold: the SVG namespace, a name that is never fetched.</summary>
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    public static TheoryData<string> ServedFiles =>
        [.. new ManifestEmbeddedFileProvider(typeof(DashboardExtensions).Assembly, "Dashboard/wwwroot").GetDirectoryContents("/").Select(f => "/" + f.Name)];

    [Fact]
    public async Task Root_WithoutToken_AnswersIndexHtmlWithTheSecurityHeaders()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form id=\"sign-in\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-cache", Header(response, "Cache-Control"));
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Root_WithTheETagItGave_Answers304()
    {
        using var client = fixture.Host.Client();
        using var first = await client.GetAsync("/");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("no-cache", Header(response, "Cache-Control"));
    }

    [Fact]
    public async Task EveryAssetThePageReferences_IsServedWithItsContentType()
    {
        using var client = fixture.Host.Client();
        var html = await client.GetStringAsync("/");
        var pending = new Queue<string>(References(html));
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(ExpectedContentType(path), response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                foreach (var imported in ModuleImports().Matches(await response.Content.ReadAsStringAsync()).Select(m => "/" + m.Groups[1].Value))
                {
                    pending.Enqueue(imported);
                }
            }
        }

        Assert.Contains("/app.js", seen);
        Assert.Contains("/app.css", seen);
        Assert.Contains("/sse.js", seen);
    }

    [Theory]
    [MemberData(nameof(ServedFiles))]
    public async Task ServedFile_ReferencesNoExternalHost(string path)
    {
        using var client = fixture.Host.Client();

        var text = WithoutComments(await client.GetStringAsync(path)).Replace(SvgNamespace, string.Empty, StringComparison.Ordinal);

        Assert.DoesNotMatch(AbsoluteUrl(), text);
    }

    [Fact]
    public async Task IndexHtml_EveryInputHasALabel_AndNothingIsInline()
    {
        using var client = fixture.Host.Client();
        var html = await client.GetStringAsync("/");

        var inputs = InputIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var labelled = LabelFors().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(inputs);
        Assert.Equal(Regex.Count(html, "<input\\b"), inputs.Count);
        Assert.All(inputs, id => Assert.Contains(id, labelled));
        Assert.All(Regex.Matches(html, "<script\\b[^>]*>").Select(m => m.Value), tag => Assert.Contains(" src=", tag, StringComparison.Ordinal));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineStyleOrHandler(), html);
    }

    [Fact]
    public async Task UnknownFile_Returns404()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/no-such-file.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Page_NeedsNoToken_ButTheApiItCallsDoes()
    {
        using var client = fixture.Host.Client();

        using var page = await client.GetAsync("/");
        using var api = await client.GetAsync("/api/v1/household");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static IEnumerable<string> References(string html) =>
        SrcOrHref().Matches(html).Select(m => m.Groups[1].Value).Where(v => v.StartsWith('/'));

    private static string ExpectedContentType(string path) => Path.GetExtension(path) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        ".svg" => "image/svg+xml",
        ".html" => "text/html",
        var other => throw new InvalidOperationException($"{path}: no expected content type for {other}"),
    };

    /// <summary>Comments may name hosts (a spec, a reason); only what the browser would act on counts.</summary>
    private static string WithoutComments(string text) => LineComment().Replace(BlockComment().Replace(text, string.Empty), string.Empty);

    [GeneratedRegex("""(?:src|href)="([^"]+)"\s*""")]
    private static partial Regex SrcOrHref();

    [GeneratedRegex("""from '\./([\w-]+\.js)'""")]
    private static partial Regex ModuleImports();

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("""<input\b[^>]*\bid="([^"]+)"[^>]*>""")]
    private static partial Regex InputIds();

    [GeneratedRegex("""<label\b[^>]*\bfor="([^"]+)"[^>]*>""")]
    private static partial Regex LabelFors();

    [GeneratedRegex("""<[^>]+\s(?:style|on[a-z]+)\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrHandler();

    [GeneratedRegex(@"/\*.*?\*/|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"(?<=^|\s)//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    public sealed class Fixture : IAsyncLifetime
    {
        internal CloudTestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await CloudTestHost.StartAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
