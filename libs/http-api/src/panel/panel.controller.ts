import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiException } from '../errors/api.exception';
import { PanelAssets } from './panel-assets';

/** What the controller needs of the Express response. */
interface RawResponse {
  setHeader(name: string, value: string): unknown;
  end(body: Buffer): unknown;
}

/** No inline script, no third-party origin: the panel only talks to this server. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** The handler web panel: `/` and its static files under `/assets/` (no API key; the panel asks for one). */
@ApiExcludeController()
@Controller()
export class PanelController {
  private readonly assets = new PanelAssets();

  /** The panel page. */
  @Get()
  index(@Res() res: RawResponse): void {
    this.send(res, 'index.html', 'no-cache');
  }

  /** Chart.js, served from node_modules. */
  @Get('assets/vendor/:file')
  vendor(@Param('file') file: string, @Res() res: RawResponse): void {
    this.send(res, `vendor/${file}`, 'public, max-age=86400');
  }

  /** The panel's own script and style sheet. */
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: RawResponse): void {
    this.send(res, file, 'no-cache');
  }

  private send(res: RawResponse, name: string, cacheControl: string): void {
    const asset = this.assets.get(name);
    if (!asset) throw ApiException.notFound(`no panel file ${name}`);
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(asset.body);
  }
}
