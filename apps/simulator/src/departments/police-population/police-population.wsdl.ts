import { RY_FIELDS } from './police-population.types';

export const SERVICE_PATH = '/rkxx/services/RkxxService';
export const TARGET_NAMESPACE = 'http://rkxx.gaj.changzhou.gov.cn/';

const ryFields = RY_FIELDS.map((f) => `<xs:element name="${f}" type="xs:string" minOccurs="0"/>`).join('');
const result = '<xs:element name="code" type="xs:string"/><xs:element name="message" type="xs:string"/>';
const element = (name: string, body: string): string =>
  `<xs:element name="${name}"><xs:complexType><xs:sequence>${body}</xs:sequence></xs:complexType></xs:element>`;

const OPERATIONS = ['SaveRyxx', 'ZxRyxx', 'QueryRyxx', 'QueryBgxx'] as const;

/** 实有人口管理系统 web service description, document/literal SOAP 1.1; `location` is where it is served. */
export function wsdl(location: string): string {
  const messages = OPERATIONS.map(
    (op) =>
      `<wsdl:message name="${op}Request"><wsdl:part name="parameters" element="tns:${op}"/></wsdl:message>` +
      `<wsdl:message name="${op}Response"><wsdl:part name="parameters" element="tns:${op}Response"/></wsdl:message>`,
  ).join('');
  const portOps = OPERATIONS.map(
    (op) =>
      `<wsdl:operation name="${op}"><wsdl:input message="tns:${op}Request"/><wsdl:output message="tns:${op}Response"/></wsdl:operation>`,
  ).join('');
  const bindingOps = OPERATIONS.map(
    (op) =>
      `<wsdl:operation name="${op}"><soap:operation soapAction="${TARGET_NAMESPACE}${op}" style="document"/>` +
      '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>',
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions name="RkxxService" targetNamespace="${TARGET_NAMESPACE}"
  xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${TARGET_NAMESPACE}">
<wsdl:types>
<xs:schema targetNamespace="${TARGET_NAMESPACE}" elementFormDefault="qualified">
<xs:complexType name="Ry"><xs:sequence>${ryFields}</xs:sequence></xs:complexType>
${element('SaveRyxx', '<xs:element name="RY" type="tns:Ry"/>')}
${element('SaveRyxxResponse', `${result}<xs:element name="RYBH" type="xs:string" minOccurs="0"/>`)}
${element('ZxRyxx', '<xs:element name="RYBH" type="xs:string" minOccurs="0"/><xs:element name="GMSFHM" type="xs:string" minOccurs="0"/><xs:element name="ZT" type="xs:string"/><xs:element name="ZXYY" type="xs:string" minOccurs="0"/>')}
${element('ZxRyxxResponse', `${result}<xs:element name="RYBH" type="xs:string" minOccurs="0"/>`)}
${element('QueryRyxx', '<xs:element name="pageNo" type="xs:int"/><xs:element name="pageSize" type="xs:int"/>')}
${element('QueryRyxxResponse', `${result}<xs:element name="total" type="xs:int" minOccurs="0"/><xs:element name="pageNo" type="xs:int" minOccurs="0"/><xs:element name="pageSize" type="xs:int" minOccurs="0"/><xs:element name="RY" type="tns:Ry" minOccurs="0" maxOccurs="unbounded"/>`)}
${element('QueryBgxx', '<xs:element name="since" type="xs:string"/>')}
${element('QueryBgxxResponse', `${result}<xs:element name="RY" type="tns:Ry" minOccurs="0" maxOccurs="unbounded"/>`)}
</xs:schema>
</wsdl:types>
${messages}
<wsdl:portType name="RkxxPortType">${portOps}</wsdl:portType>
<wsdl:binding name="RkxxBinding" type="tns:RkxxPortType">
<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}
</wsdl:binding>
<wsdl:service name="RkxxService"><wsdl:port name="RkxxPort" binding="tns:RkxxBinding"><soap:address location="${location}"/></wsdl:port></wsdl:service>
</wsdl:definitions>`;
}
