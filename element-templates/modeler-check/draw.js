// Draws a new ticket type with Flowdesk's element templates in camunda-bpmn-js (the editor Camunda Modeler 5 embeds
// for Camunda 7 diagrams), picking templates and filling their fields in the properties panel as an analyst does.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
// usage: node draw.js SCRATCH_DIR OUT.bpmn   (SCRATCH_DIR holds page.html and camunda-bpmn-js's package/, see run.sh)
const scratch = path.resolve(process.argv[2]);
const out = path.resolve(process.argv[3]);
const repo = path.resolve(__dirname, '..', '..');
const templates = fs.readdirSync(path.join(repo, 'element-templates')).filter(f => f.endsWith('.json'))
  .flatMap(f => { const d = JSON.parse(fs.readFileSync(path.join(repo, 'element-templates', f), 'utf8')); return Array.isArray(d) ? d : [d]; });
// what Modeler's File → New File → BPMN diagram (Camunda 7) starts from
const NEW_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="180" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1700, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', e => console.log('PAGE ERROR', e.message));
  await page.goto('file://' + path.join(scratch, 'page.html'));
  await page.evaluate(async ({ templates, xml }) => {
    window.modeler = new BpmnModeler({ container: '#c', propertiesPanel: { parent: '#p' }, elementTemplates: templates });
    await window.modeler.importXML(xml);
  }, { templates, xml: NEW_DIAGRAM });

  // helpers run in the page: select an element, pick a template (what the template chooser does), append shapes
  const inPage = (fn, arg) => page.evaluate(fn, arg);
  const select = id => inPage(id => { const m = window.modeler; m.get('selection').select(m.get('elementRegistry').get(id)); }, id);
  const pick = (id, templateId) => inPage(([id, templateId]) => {
    const m = window.modeler, t = m.get('elementTemplates');
    const template = t.getAll().find(x => x.id === templateId);
    const el = m.get('elementRegistry').get(id);
    let replaced;
    try { replaced = t.applyTemplate(el, template); } catch (e) { throw new Error('applyTemplate ' + templateId + ': ' + e.stack); }
    try { m.get('selection').select(replaced); } catch (e) { console.log('select after template ' + templateId + ': ' + e.message); }
    return replaced.id;
  }, [id, templateId]);
  const append = (fromId, type, name, id) => inPage(([fromId, type, name, id]) => {
    const m = window.modeler, modeling = m.get('modeling');
    const from = m.get('elementRegistry').get(fromId);
    const shape = modeling.appendShape(from, { type }, { x: from.x + from.width + 110, y: from.y + from.height / 2 });
    modeling.updateProperties(shape, { id, name });
    return shape.id;
  }, [fromId, type, name, id]);
  // the properties panel: fill a text field / choose a dropdown value by its label, as an analyst types
  async function field(label, value) {
    const labelled = page.locator('.bio-properties-panel-entry', { has: page.locator(`label:text-is("${label}")`) }).first();
    for (let i = 0; i < 20 && !(await labelled.isVisible()); i++) {
      // open the next closed group (Modeler shows a template's fields in groups of their own)
      const closed = page.locator('.bio-properties-panel-group-header:not(.open)');
      if (!(await closed.count())) break;
      await closed.first().click();
    }
    const select = labelled.locator('select');
    if (await select.count()) {
      const options = await select.locator('option').evaluateAll(os => os.map(o => [o.value, o.textContent]));
      const match = options.find(([v, t]) => v === value || t === value || t.includes(value));
      await select.selectOption(match ? match[0] : value);
    } else { const input = labelled.locator('input, textarea').first(); await input.fill(value); await input.press('Tab'); }
  }
  const shot = name => page.screenshot({ path: path.join(scratch, 'shots', name + '.png') });

  // 2. the process: id, name, template 工单类型 Ticket type, default group tech
  await inPage(() => { const m = window.modeler; const root = m.get('canvas').getRootElement();
    m.get('modeling').updateProperties(root, { id: 'deviceRepair', name: '设备维修' }); m.get('selection').select(root); });
  await pick('deviceRepair', 'io.flowdesk.ticketType');
  await field('默认部门 Default group', 'tech');
  await shot('01-process-ticket-type');
  // 3. start event with 状态变更 new
  await inPage(() => window.modeler.get('modeling').updateProperties(window.modeler.get('elementRegistry').get('StartEvent_1'), { id: 'repairRequested', name: '设备报修已提交' }));
  await pick('repairRequested', 'io.flowdesk.status');
  await field('工单状态 Ticket status', 'new');
  // 4. routing and clocks
  await append('repairRequested', 'bpmn:Task', '智能分派', 'routeTicket');
  await pick('routeTicket', 'io.flowdesk.routeTicket');
  await append('routeTicket', 'bpmn:Task', '启动SLA计时', 'startSlaClocks');
  await pick('startSlaClocks', 'io.flowdesk.startSlaClocks');
  // 5. accept: department task meeting the first response target
  await append('startSlaClocks', 'bpmn:Task', '受理报修', 'acceptRepair');
  await pick('acceptRepair', 'io.flowdesk.departmentTask.slaMet');
  await field('表单 Form (Camunda Form id)', 'inquiry-accept');
  await shot('02-accept-task');
  // 6. repair and answer: changes the status to in_progress
  await append('acceptRepair', 'bpmn:Task', '维修并答复客户', 'repairAndReply');
  await pick('repairAndReply', 'io.flowdesk.departmentTask.status');
  await field('表单 Form (Camunda Form id)', 'inquiry-reply');
  // 7. repaired: resolution met, then closed
  await append('repairAndReply', 'bpmn:IntermediateThrowEvent', '已修复', 'repaired');
  await pick('repaired', 'io.flowdesk.sla.met');
  await field('时限 SLA target', 'resolution').catch(async e => { console.log('dropdown by value failed', e.message); });
  await append('repaired', 'bpmn:EndEvent', '已关闭', 'closed');
  await pick('closed', 'io.flowdesk.status');
  await field('工单状态 Ticket status', 'closed');
  await select('repairAndReply');
  await shot('03-repair-task');
  await inPage(() => window.modeler.get('canvas').zoom('fit-viewport'));
  await shot('04-diagram');
  const { xml } = await inPage(() => window.modeler.saveXML({ format: true }));
  fs.writeFileSync(out, xml);
  console.log('wrote', out, xml.length, 'chars');
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
