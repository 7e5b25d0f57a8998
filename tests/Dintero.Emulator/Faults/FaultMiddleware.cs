using Microsoft.AspNetCore.Http.Features;

namespace Dintero.Emulator.Faults;

/// <summary>Logs every request, then applies the first matching fault, if any.</summary>
public sealed class FaultMiddleware
{
    private readonly RequestDelegate next;
    private readonly FaultInjector faults;
    private readonly RequestLog log;
    private readonly EmulatorOptions options;

    public FaultMiddleware(RequestDelegate next, FaultInjector faults, RequestLog log, EmulatorOptions options)
    {
        this.next = next;
        this.faults = faults;
        this.log = log;
        this.options = options;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }
        request.EnableBuffering();
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        var authorization = request.Headers.Authorization.ToString();
        var entry = new LoggedRequest(
            options.Clock.GetUtcNow(),
            request.Method,
            request.Path.Value ?? "/",
            authorization.Length == 0 ? null : authorization.Split(' ')[0],
            request.Headers.UserAgent.ToString(),
            request.Headers["Dintero-System-Name"].ToString(),
            request.Headers["Dintero-System-Version"].ToString(),
            body)
        {
            Query = request.QueryString.Value ?? string.Empty,
            RequestId = request.Headers["X-Request-Id"].ToString() is { Length: > 0 } id ? id : null,
            Via = request.Headers.Via.ToString() is { Length: > 0 } via ? via : null,
        };
        log.Add(entry);

        if (options.Latency > TimeSpan.Zero) await Task.Delay(options.Latency, context.RequestAborted);
        var fault = faults.Take(request.Method, request.Path.Value ?? "/");
        if (fault == null)
        {
            await next(context);
            entry.Status = context.Response.StatusCode;
            return;
        }
        await ApplyAsync(fault, context, entry);
    }

    private async Task ApplyAsync(Fault fault, HttpContext context, LoggedRequest entry)
    {
        var aborted = context.RequestAborted;
        if (!fault.AfterProcessing)
        {
            if (fault.DelayMilliseconds > 0) await Task.Delay(fault.DelayMilliseconds, aborted);
            if (fault.Drop)
            {
                Drop(context);
                return;
            }
            if (fault.Status is int status)
            {
                entry.Status = status;
                await WriteStatusAsync(fault, status, context);
                return;
            }
        }

        // Do the real work first, holding its answer back.
        var realBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = realBody;
        entry.Status = context.Response.StatusCode;

        if (fault.AfterProcessing && fault.DelayMilliseconds > 0) await Task.Delay(fault.DelayMilliseconds, aborted);
        if (fault.AfterProcessing && fault.Drop)
        {
            Drop(context);
            return;
        }
        if (fault.AfterProcessing && fault.Status is int late)
        {
            context.Response.Headers.Clear();
            await WriteStatusAsync(fault, late, context);
            return;
        }
        if (fault.Malformed)
        {
            var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            var truncated = text[..Math.Max(1, text.Length / 2)];
            context.Response.ContentLength = null;
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync(truncated);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(realBody);
    }

    private static async Task WriteStatusAsync(Fault fault, int status, HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (fault.RetryAfterSeconds is int seconds) response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        if (fault.Body != null)
        {
            response.ContentType = fault.ContentType;
            await response.WriteAsync(fault.Body);
            return;
        }
        var (code, message) = status switch
        {
            429 => ("RATE_LIMITED", "Too many requests"),
            500 => ("INTERNAL_ERROR", "Internal server error"),
            502 => ("BAD_GATEWAY", "Bad gateway"),
            503 => ("UNAVAILABLE", "Service unavailable"),
            504 => ("GATEWAY_TIMEOUT", "Gateway timeout"),
            _ => ("FAULT", $"Injected fault {status}"),
        };
        await ErrorBodies.Error(status, code, message).ExecuteAsync(context);
    }

    private static void Drop(HttpContext context)
    {
        context.Features.Get<IHttpRequestLifetimeFeature>()?.Abort();
        context.Abort();
    }
}
